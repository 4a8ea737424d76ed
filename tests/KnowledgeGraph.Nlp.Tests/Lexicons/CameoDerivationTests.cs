using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Lexicons;
using KnowledgeGraph.Nlp.Lexicons.Derivation;

namespace KnowledgeGraph.Nlp.Tests.Lexicons;

/// <summary>The CAMEO verb dictionary reader and pattern compiler, and the CAMEO-to-PLOVER map, on small inline samples.</summary>
[TestFixture]
public sealed class CameoDerivationTests
{
    private const string Sample = """
        # comment line
        &WEAPON
        +GUN
        +RIFLE
        +MACHINE_GUN

        &AUXVERB3_
        +HAVE
        +HAS

        ####### VERB PATTERNS #######

        ---  MEET   [040]  ---
        MEET {MEETS MET MEETING}
        +MEET_WITH {+MET_WITH +MEETS_WITH +MEETING_WITH }
        CONFER [036]  # someone's note
        - * (FOR TALKS)                                       [036:036]     # MEET
        - * &WEAPON                                           [190]         # MEET
        - * (WITH +) (IN ^)                                   [044]         # MEET
        - * (BEFORE COURT)                                    [:173]        # MEET

        ---  SET   [---]  ---
        SET
        - * OUT {PEACE PLAN}                                  [036]         # SET
        - WILL NOT *                                          [030]         # SET
        - * ON + BY $ SYMPATHISER                             [190]         # SET
        - * &NOSUCHSET                                        [190]         # SET
        ~ a (a b ATTACK) SAY = a b 015
        """;

    private static CameoDictionary Read() => CameoReader.Parse(Sample);

    [Test]
    public void Verbs_get_their_listed_forms_or_regular_ones()
    {
        var meet = Read().Blocks[0];
        Assert.That(meet.Name, Is.EqualTo("MEET"));
        Assert.That(meet.Code, Is.EqualTo("040"));
        Assert.That(meet.Verbs.Select(v => v.Lemma), Is.EqualTo(new[] { "meet", "meet with", "confer" }));
        Assert.That(meet.Verbs[0].Forms, Is.EqualTo(new[] { "meet", "meets", "met", "meeting" }));
        Assert.That(meet.Verbs[1].Forms, Does.Contain("met with"));
        // no forms listed: regular ones, with a final e dropped before -ing
        Assert.That(meet.Verbs[2].Forms, Is.EqualTo(new[] { "confer", "confers", "confered", "confering" }));
        Assert.That(meet.Verbs[2].Code, Is.EqualTo("036"));
    }

    [Test]
    public void Synonym_sets_are_expanded_with_plurals_unless_marked()
    {
        var sets = Read().SynonymSets;
        Assert.That(sets["WEAPON"], Is.EqualTo(new[] { "gun", "guns", "rifle", "rifles", "machine gun", "machine guns" }));
        // a set whose name ends with _ gets no plurals
        Assert.That(sets["AUXVERB3_"], Is.EqualTo(new[] { "have", "has" }));
    }

    [Test]
    public void Null_code_blocks_and_transformations_are_read()
    {
        var d = Read();
        Assert.That(d.Blocks.Select(b => b.Code), Is.EqualTo(new[] { "040", "---" }));
        Assert.That(d.Blocks[0].Patterns.Count, Is.EqualTo(4));
        Assert.That(d.Blocks[1].Patterns.Count, Is.EqualTo(4), "the ~ transformation line is no pattern");
        Assert.That(d.Blocks[0].Patterns[0].ReverseCode, Is.EqualTo("036"));
    }

    [Test]
    public void Patterns_compile_to_constraints_on_dependents()
    {
        var d = Read();
        var rules = d.Blocks[0].Patterns.Select(p => CameoCompiler.Compile(d.Blocks[0], p, d.SynonymSets).Rule!).ToList();
        Assert.That(rules[0].Preps, Is.EqualTo("for=talks"));
        Assert.That(rules[0].Code, Is.EqualTo("036"));
        Assert.That(rules[1].Object, Is.EqualTo("&WEAPON"));
        // (WITH +): the target is the object of "with"; (IN ^): any "in" phrase
        Assert.That(rules[2].Preps, Is.EqualTo("with=+;in="));
        Assert.That(rules[2].Target, Is.EqualTo("prep:with"));
        // [:173]: only the reverse code
        Assert.That(rules[3].Code, Is.EqualTo(""));
        Assert.That(rules[3].ReverseCode, Is.EqualTo("173"));
        Assert.That(rules[3].Preps, Is.EqualTo("before=court"));
    }

    [Test]
    public void Particles_and_noun_phrases_compile_and_clauses_do_not()
    {
        var d = Read();
        var set = d.Blocks[1];
        var (outPlan, _) = CameoCompiler.Compile(set, set.Patterns[0], d.SynonymSets);
        Assert.That(outPlan!.Particle, Is.EqualTo("out"));
        Assert.That(outPlan.Object, Is.EqualTo("peace plan"));
        Assert.That(CameoCompiler.Compile(set, set.Patterns[1], d.SynonymSets).Reason, Is.EqualTo(CameoRejection.BeforeVerb));
        Assert.That(CameoCompiler.Compile(set, set.Patterns[2], d.SynonymSets).Reason, Is.EqualTo(CameoRejection.TwoPhrases));
        Assert.That(CameoCompiler.Compile(set, set.Patterns[3], d.SynonymSets).Reason, Is.EqualTo(CameoRejection.UnknownSet));
    }

    [Test]
    public void Plover_names_map_to_our_categories()
    {
        var rows = PloverTable.Parse(new[]
        {
            "# comment",
            "10: REQUEST",
            "1041: REQUEST, change, executive # Demand change in leadership",
            "091: ACCUSE, investigate, crime; corruption # Investigate crime",
            "112: ACCUSE, disapprove,    # Accuse",
            "18: ASSAULT",
            "1823: ASSAULT, ,    # Kill by physical assault",
            "190: ASSAULT, , military # Use conventional military force",
            "192: COERCE, seize, military # Occupy territory",
            "0841: RETREAT, release,   legal # Return, release person(s)",
            "~~~~~",
            "200: ASSAULT, massacre, military # after the end",
        }).ToDictionary(r => r.Code);
        Assert.That(rows["1041"].Category, Is.EqualTo("DEMAND"));
        Assert.That(rows["1041"].Mode, Is.EqualTo("change"));
        Assert.That(rows["091"].Category, Is.EqualTo("INVESTIGATE"));
        Assert.That(rows["091"].Context, Is.EqualTo("crime|corruption"));
        Assert.That(rows["112"].Category, Is.EqualTo("DISAPPROVE"));
        Assert.That(rows["1823"].Category, Is.EqualTo("ASSAULT"));
        Assert.That(rows["190"].Category, Is.EqualTo("FIGHT"));
        Assert.That(rows["192"].Category, Is.EqualTo("FIGHT"), "CAMEO 19 is FIGHT, occupation included");
        Assert.That(rows["0841"].Mode, Is.EqualTo("release"));
        Assert.That(rows["02"].Category, Is.EqualTo("DEMAND"), "appeals (CAMEO 02) are requests");
        Assert.That(rows.ContainsKey("200"), Is.False, "nothing after ~~~~~");
        Assert.That(PloverTable.Find(rows, "1234")?.Code, Is.Null);
        Assert.That(PloverTable.Find(rows, "1825")?.Code, Is.EqualTo("18"), "a code without a row takes its longest listed prefix");
    }
}

/// <summary>The CAMEO derivation on the real PETRARCH2 and PLOVER files (skipped without the shared data).</summary>
[TestFixture]
public sealed class CameoRealFileTests
{
    private static (string Cameo, string Plover) Files()
    {
        var data = DataPaths.FindSharedData();
        var cameo = data is null ? "" : Path.Combine(data, "gazetteers", "petrarch2", "CAMEO.2.0.txt");
        var plover = data is null ? "" : Path.Combine(data, "plover", "CAMEO2PLOVER-2021.txt");
        if (!File.Exists(cameo) || !File.Exists(plover)) Assert.Ignore("shared data (CAMEO.2.0.txt, CAMEO2PLOVER-2021.txt) not found; set KG_SHARED_DATA");
        return (cameo, plover);
    }

    [Test]
    public void The_dictionary_has_the_documented_counts()
    {
        var d = CameoReader.Read(Files().Cameo);
        // ../shared/data/README.md: 397 verb blocks, 1,817 verbs, 4,668 patterns (168 with the null code), 40 synonym sets
        Assert.That(d.Blocks.Count, Is.EqualTo(397));
        Assert.That(d.Blocks.Sum(b => b.Verbs.Count), Is.EqualTo(1817));
        Assert.That(d.Blocks.Sum(b => b.Patterns.Count), Is.EqualTo(4668));
        Assert.That(d.Blocks.Sum(b => b.Patterns.Count(p => p.Code == "---")), Is.EqualTo(168));
        Assert.That(d.SynonymSets.Count, Is.EqualTo(40));
    }

    [Test]
    public void The_plover_table_has_its_codes_and_maps_every_name()
    {
        var rows = PloverTable.Read(Files().Plover);
        // 276 code lines, one code (175) listed twice and one root (08) twice; CAMEO 02 added
        Assert.That(rows.Count, Is.EqualTo(275));
        Assert.That(rows.Select(r => r.Category).Distinct(), Is.SubsetOf(TriggerLexicon.Categories));
        Assert.That(rows.Single(r => r.Code == "173").Mode, Is.EqualTo("arrest"));
    }

    [Test]
    public void Most_patterns_compile_and_the_rest_say_why()
    {
        var out1 = Path.Combine(Path.GetTempPath(), "kg-cameo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(out1);
        try
        {
            var (cameo, plover) = Files();
            var report = CameoDerivation.Derive(cameo, plover, out1);
            Assert.That(report.Patterns, Is.EqualTo(4668));
            Assert.That(report.Compiled + report.NotCompiled.Sum(r => r.Count), Is.EqualTo(report.Patterns));
            Assert.That(report.Compiled, Is.GreaterThan(4500));
            var lexicon = CameoLexicon.Load(out1);
            // the coding of shipped rules: "arrest" is CAMEO 173, COERCE with PLOVER mode "arrest"
            Assert.That(lexicon.Verb("arrest").Select(v => v.Coding?.Category), Does.Contain("COERCE"));
            Assert.That(lexicon.Coding("173")!.Mode, Is.EqualTo("arrest"));
            Assert.That(lexicon.Coding("0231")!.Category, Is.EqualTo("DEMAND"));
            Assert.That(lexicon.Coding("010"), Is.Null, "public statements code no event");
        }
        finally { Directory.Delete(out1, true); }
    }
}
