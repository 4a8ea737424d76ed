using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// The real-text check of issue 10 kept as a test: 59 public-domain news stories (tests/realtext/news, sources in
/// SOURCES.md) are built, and the nodes judged by hand must not regress. A node judged correct in the latest judged
/// samples (judged-actors.tsv of round 3, judged-actors4.tsv of round 4, and the earlier judged-actors-round1.tsv and judged-actors-round2.tsv for what was bad) must still exist with the same labels; a node main's pipeline made and that was judged junk,
/// a fragment, a duplicate or of the wrong type (judged-main.tsv) and is gone now must not come back; the city that
/// main merged into the harbour named after it must stay apart.
/// </summary>
public sealed class RealTextJudgedSampleTests
{
    private static readonly Lazy<Dictionary<string, JObject>> Graph = new(() => BuildNodes("realtext"));

    internal static Dictionary<string, JObject> BuildNodes(string folder)
    {
        var outDir = CliRunner.TempDir();
        var run = CliRunner.Run("build", Path.Combine(CliRunner.RepoRoot(), "tests", folder, "news"), "--out", outDir, "--quiet");
        Assert.That(run.ExitCode, Is.EqualTo(0), run.Error);
        return File.ReadLines(Path.Combine(outDir, "graph.jsonl")).Select(JObject.Parse)
            .Where(o => (string?)o["type"] == "node").ToDictionary(o => (string)o["id"]!, StringComparer.Ordinal);
    }

    internal static IEnumerable<string[]> Judged(string file, string folder = "realtext") =>
        File.ReadLines(Path.Combine(CliRunner.RepoRoot(), "tests", folder, file))
            .Where(l => !l.StartsWith('#') && !l.StartsWith("id\t", StringComparison.Ordinal) && l.Length > 0).Select(l => l.Split('\t'));

    /// <summary>Nodes judged correct that a later change named better: judged id -> id now.</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["e:per:kayla-mueller"] = "e:per:kayla-jean-mueller", // one person with and without her written-out middle name
        // one body with and without its country: "U.S. Army South" of an article that also writes "Army South", and the
        // articles that write only "Army South" and name the U.S. (GraphBuilder.JoinCountryPrefixedBodies); since the recogniser
        // with word classes (branch nerjudged) it is a plain Organization: the ArmedForces subtype is lost (coarser, not wrong)
        ["e:org:army-south"] = "e:org:us-army-south\tOrganization",
        // since the recogniser with word classes (branch nerjudged): "transported to the Harlingen Border Patrol Station for
        // processing" and "at NASA Headquarters" are read as places; a station and a headquarters are places as much as bodies
        ["e:org:harlingen-border-patrol-station"] = "e:loc:harlingen-border-patrol-station\tLocation",
        ["e:org:nasa-headquarters"] = "e:loc:nasa-headquarters\tLocation",
        // a country's named armed forces are its "Armed Forces of X" node, one node with "Georgian troops" (branch dups22;
        // the written name is an alias)
        ["e:org:georgian-defense-forces"] = "e:org:armed-forces-of-georgia",
        // "renovation to the Air Traffic Control Tower (ATCT) building": a name headed by "Tower" is a structure, a
        // Location:Facility (branch type38); the judges took it for the tower's unit, the sentence speaks of the building
        ["e:org:air-traffic-control-tower"] = "e:loc:air-traffic-control-tower\tLocation:Facility",
    };

    /// <summary>Document-scoped generic actors judged correct as nodes whose only relationship was later found wrong: such
    /// an actor exists only while it takes part in a relationship (issue 10), so it goes with its edge.</summary>
    private static readonly HashSet<string> GoneWithTheirWrongEdge = new(StringComparer.Ordinal)
    {
        "e:org:victims-d-2f3bdfba5f746219", // its one edge read "an investigation showed them otherwise" as an investigation of "them"
    };

    /// <summary>Correct nodes a later change lost: each is a regression the closing note reports (not a rename: the node
    /// is wrong now or gone).</summary>
    private static readonly HashSet<string> KnownLosses = new(StringComparer.Ordinal)
    {
        // the recogniser with word classes (branch nerjudged): "near Cedar Key, Florida" is typed a NaturalFeature, not the
        // City; the tribe of a list of counties, "The motor vessel Seamount" are no longer names; "Marine Corps Base Camp
        // Pendleton, California, hosted ..." is typed an armed force, not the base; "A 53-year-old Tampa woman" is an Organization
        "e:loc:cedar-key", "e:org:miccosukee-tribe-of-indians-of-florida", "e:veh:seamount", "e:loc:marine-corps-base-camp-pendleton",
        "e:loc:tampa",
    };

    [TestCase("judged-actors.tsv")]
    [TestCase("judged-actors4.tsv")]
    [TestCase("judged-actors7.tsv")]
    public void NodesJudgedCorrectKeepTheirIdAndLabels(string file)
        => RealTextCheckJudgedSampleTests.AssertCorrectNodesKept(Graph.Value, "realtext", file, Renamed, 60, GoneWithTheirWrongEdge.Concat(KnownLosses).ToHashSet(StringComparer.Ordinal));

    [Test]
    public void JunkMainMadeAndThisPipelineDropsStaysDropped()
    {
        // what main's pipeline made and was judged bad, and this pipeline no longer makes, is listed here by id: it must not come back
        var gone = new[]
        {
            "e:evt:world-war", "e:org:arleigh-burke-class", "e:org:central-american", "e:org:cvn", "e:org:director-of-national-intelligence-james-clapper",
            "e:org:fema-administrator-criswell", "e:org:federal-coordinating", "e:org:joint-training", "e:org:most-wanted-fugitives",
            "e:org:public-information-and-warning-infrastructure-systems", "e:per:class-william-james", "e:per:machinery-technician",
            "e:per:navy-adm-craig-faller", "e:per:radiological", "e:per:base-camp-pendleton", "e:org:coast-guard-barque-eagle",
            "e:org:coast-guard-cutter-eagle", "e:org:horten", "e:per:cutter-chinook", "e:per:broward", "e:per:highlands", "e:per:manatee",
            "e:per:okeechobee", "e:per:pasco", "e:org:cbp", "e:org:jaxa",
            // judged bad in judged-after.tsv (main after the last stop) and gone since
            "e:org:lloyd-j-austin-iii",
            // judged bad in judged-actors-round1.tsv and gone since: a name cut at a hyphen, a state's abbreviation as an
            // organisation, an app, an agreement and a report as organisations, a name across a possessive, a counted plural
            "e:loc:joint-base-san-antonio-fort", "e:org:ariz", "e:org:fema-app", "e:org:fuel-implementing-arrangement",
            "e:org:national-preparedness-report", "e:org:house-appropriations-committees-commerce", "e:per:sailors", "e:loc:san-sebastian",
            // judged bad in judged-actors-round2.tsv and gone since: "A Sailor stationed ...", a first name cut off
            "e:org:sailor", "e:per:j-mccool",
            // judged bad before and gone since round 4: a job title, verbs and verbal nouns, a sunken liner, a car and a space
            // station, a place and an acronym glued, an office's body and its holder glued, two forces glued, an acronym beside
            // its long name, a place typed organisation, "the Corps" as a place, an award's title, a force as a person
            "e:org:avionics-electrical-technician", "e:org:embracing", "e:org:kidnappings", "e:loc:andrea-doria", "e:org:ford-expedition",
            "e:org:international-space-station", "e:org:el-paso-cbp", "e:org:federal-bureau-of-investigation-christopher-wray",
            "e:org:us-marines-and-republic-of-korea-marines", "e:org:hvo", "e:org:south-pole", "e:loc:corps", "e:per:coastie",
            "e:per:recovery-centers", "e:per:self-defense-force", "e:org:invincible-sentry", "e:org:force-exercise",
            // judged duplicates in judged-final.tsv and judged-actors-round1.tsv and gone since round 7: a launch site's short
            // name beside its full name, a bare surname with the role of the one person of that name
            "e:loc:kennedy", "e:per:criswell",
        };
        var judgedBad = Judged("judged-main.tsv").Concat(Judged("judged-after.tsv")).Concat(Judged("judged-actors-round1.tsv")).Concat(Judged("judged-actors-round2.tsv"))
            .Concat(Judged("judged-actors.tsv")).Concat(Judged("judged-final.tsv"))
            .Where(r => r[3] != "correct").Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        Assert.That(gone.Where(g => !judgedBad.Contains(g)), Is.Empty, "every id here was judged bad in main's sample");
        Assert.That(gone.Where(Graph.Value.ContainsKey), Is.Empty, "judged junk, fragment, duplicate or wrong type in main's graph, and back again");
    }

    [Test]
    public void DuplicatesMainMadeAreOneNode()
    {
        // one person, with or without his middle initial; the building named after him and another agent is a facility of its own
        Assert.That(Graph.Value.Values.Where(n => n["labels"]!.Any(l => (string)l! == "Person") && ((string)n["properties"]!["name"]!).Contains("Grogan")).ToList(), Has.Count.EqualTo(1));
        Assert.That(Graph.Value.Values.Where(n => n["labels"]!.Any(l => (string)l! == "Facility") && ((string)n["properties"]!["name"]!).Contains("Grogan")).ToList(), Has.Count.EqualTo(1));
        Assert.That(Graph.Value["e:org:us-customs-and-border-protection"]["properties"]!["aliases"]!.Select(a => (string)a!), Does.Contain("CBP"));
        Assert.That(Graph.Value["e:org:japan-aerospace-exploration-agency"]["properties"]!["aliases"]!.Select(a => (string)a!), Does.Contain("JAXA"));
        // "launched from Kennedy" is the space center the story names in full; "Administrator Criswell" of one story is
        // Administrator Deanne Criswell of another
        Assert.That(Graph.Value["e:org:kennedy-space-center"]["properties"]!["aliases"]!.Select(a => (string)a!), Does.Contain("Kennedy"));
        Assert.That(Graph.Value["e:per:deanne-criswell"]["properties"]!["doc_count"]!.Value<long>(), Is.GreaterThanOrEqualTo(2L));
    }

    [Test]
    public void TheAirForceIsNotTheCommandNamedBeforeIt()
    {
        // judged a wrong merge in judged-actors4-seed21.tsv: "the contractors of the Air Force" had gone to U.S. Air Forces
        // Central Command, the armed force named last before it; it is the U.S. Air Force the story names earlier
        Assert.That(Graph.Value["e:org:us-air-forces-central-command"]["properties"]!["aliases"]!.Select(a => (string)a!), Has.None.EqualTo("the Air Force"));
        Assert.That(Graph.Value["e:org:us-air-force"]["properties"]!["aliases"]!.Select(a => (string)a!), Does.Contain("the Air Force"));
    }

    [Test]
    public void TheUsStateStaysApartFromTheCountryOfItsName()
    {
        // judged a wrong merge in judged-actors-round1.tsv: the state of a FEMA and an FBI story had become the country
        var country = Graph.Value["e:loc:georgia"];
        var state = Graph.Value["e:loc:georgia-united-states"];
        Assert.That(country["labels"]!.Select(l => (string)l!), Does.Contain("Country"));
        Assert.That((long)country["properties"]!["doc_count"]!, Is.EqualTo(1L), "the country of the one story about it");
        Assert.That(state["labels"]!.Select(l => (string)l!), Does.Not.Contain("Country"));
        Assert.That((string?)state["properties"]!["country"], Is.EqualTo("United States"));
        Assert.That((long)state["properties"]!["doc_count"]!, Is.EqualTo(2L));
    }

    [Test]
    public void TheCityStaysApartFromTheHarbourNamedAfterIt()
    {
        var harbour = Graph.Value["e:loc:boston-harbor"];
        Assert.That(harbour["properties"]!["aliases"]!.Select(a => (string)a!), Has.None.EqualTo("BOSTON"));
        Assert.That(Graph.Value.ContainsKey("e:loc:boston"), Is.True);
    }

    [Test]
    public void NamedVesselsAreVehiclesNotOrganisations()
    {
        Assert.That(Graph.Value["e:veh:eagle"]["properties"]!["aliases"]!.Select(a => (string)a!), Does.Contain("Coast Guard Cutter Eagle"));
        Assert.That(Graph.Value.ContainsKey("e:veh:horten"), Is.True, "the tanker named before its kind");
    }
}

/// <summary>
/// The check half of issue 10's real-text check: 59 other public-domain stories (tests/realtext-check/news, SOURCES.md),
/// collected before the change and not read for misses while developing. Nodes judged correct before (main) and after
/// (this branch) keep their id and labels; the bad nodes of main's sample that the change removed stay removed.
/// </summary>
public sealed class RealTextCheckJudgedSampleTests
{
    private static readonly Lazy<Dictionary<string, JObject>> Graph = new(() => RealTextJudgedSampleTests.BuildNodes("realtext-check"));

    /// <summary>Nodes judged correct that a later change named better, with why: judged id -> id now (and labels now, when they changed).</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        ["e:loc:va"] = "e:loc:virginia", // a U.S. state's abbreviation names the state
        ["e:loc:international-space-station"] = "e:veh:international-space-station\tVehicle", // a space station is a spacecraft
        // the agency's acronym, typed a place before, is the agency now in the stories that write only it; the one node is
        // named by the form most stories use (GraphBuilder.CanonicalName)
        ["e:org:us-agency-for-international-development"] = "e:org:usaid",
        ["e:org:cjtf-oir"] = "e:org:combined-joint-task-force-operation-inherent-resolve", // an acronym is the one node whose name it spells
        // "the U.S. Government": a country's name or acronym before "Government" is that country's government, the node
        // other stories' "the U.S. government" is (branch actors14)
        ["e:org:us-government"] = "e:org:government-of-united-states",
        // the capital standing alone in a dateline is the city "Washington, D.C." (branch actors18), named as the gazetteer
        // names the capital (branch actors19: a dateline's capitals name the capital the gazetteer knows)
        ["e:loc:washington"] = "e:loc:washington-dc\tLocation:City",
        // "KABUL –": a capital the gazetteer knows, opening a dateline, is that City (branch actors19)
        ["e:loc:kabul"] = "e:loc:kabul\tLocation:City",
    };

    /// <summary>Document-scoped generic actors judged correct whose only relationships reached them through a junk node
    /// coordinated with them, or were a wrong reading a junk node caused: such an actor exists only while it takes part in a
    /// relationship (issue 10).</summary>
    private static readonly HashSet<string> GoneWithTheJunkTheyWereTiedThrough = new(StringComparer.Ordinal)
    {
        // "assistance to IDPs and refugees": its edges came through "IDPs" typed a place (judged junk in judged-final.tsv); a
        // plural acronym is no entity now, and the relation reader gives the coordinated "refugees" no edge of its own
        "e:org:refugees-d-5c6bf76fce698613",
        // "cartels are terrorist groups, and this Department of Justice is devoted to destroying cartels": its one edge was the
        // wrong reading "Terrorist groups FOUGHT Cartels", made while the body's name was cut to "Department of" (a title word
        // after "of" read as a rank); the name whole, the edge is the Department of Justice's, and the predicate noun has none
        "e:org:terrorist-groups-d-15f660cac3013f3d",
    };

    [TestCase("judged-before.tsv")]
    [TestCase("judged-after.tsv")]
    [TestCase("judged-round2.tsv")]
    [TestCase("judged-round3.tsv")]
    [TestCase("judged-round4.tsv")]
    [TestCase("judged-actors7.tsv")]
    public void NodesJudgedCorrectKeepTheirIdAndLabels(string file)
        => AssertCorrectNodesKept(Graph.Value, "realtext-check", file, Renamed, 70, GoneWithTheJunkTheyWereTiedThrough.Concat(KnownLosses).ToHashSet(StringComparer.Ordinal));

    /// <summary>Correct nodes a later change lost (regressions the closing note reports).</summary>
    private static readonly HashSet<string> KnownLosses = new(StringComparer.Ordinal)
    {
        // the recogniser with word classes (branch nerjudged): "Joint Task Force-Bravo J-7 Engineers hosted ..." no longer
        // yields the task force
        "e:org:joint-task-force-bravo",
    };

    /// <summary>Every node of a judged sample judged correct is still in the graph with the same labels; a node a later change
    /// named better is looked up under its new id (and labels, when given after a tab) in <paramref name="renamed"/>.</summary>
    internal static void AssertCorrectNodesKept(Dictionary<string, JObject> graph, string folder, string file, IReadOnlyDictionary<string, string> renamed, int atLeast, IReadOnlySet<string>? gone = null)
    {
        var correct = RealTextJudgedSampleTests.Judged(file, folder).Where(r => r[3] == "correct" && gone?.Contains(r[0]) != true)
            // some judged files write the labels with the Entity label in front (tests/realtext-check8)
            .Select(r => r[1].StartsWith("Entity:", StringComparison.Ordinal) ? r.Take(1).Append(r[1]["Entity:".Length..]).Concat(r.Skip(2)).ToArray() : r)
            .Select(r => renamed.TryGetValue(r[0], out var now) ? now.Split('\t').Concat(r.Skip(now.Contains('\t') ? 2 : 1)).ToArray() : r).ToList();
        Assert.That(correct, Has.Count.GreaterThanOrEqualTo(atLeast), "the judged sample is in the repository");
        Assert.Multiple(() =>
        {
            foreach (var r in correct)
            {
                Assert.That(graph.TryGetValue(r[0], out var node), Is.True, $"judged correct, now missing: {r[0]} ({r[2]})");
                if (node is null) continue;
                Assert.That(string.Join(':', node["labels"]!.Select(l => (string)l!)), Is.EqualTo("Entity:" + r[1]), $"labels changed: {r[0]}");
            }
        });
    }

    [Test]
    public void BadNodesOfMainsSampleThatAreGoneStayGone()
    {
        var gone = new[]
        {
            "e:loc:austin-iii", "e:org:defense-boris-pistorius", "e:org:goddard-space-flight-center-in-greenbelt", "e:org:national-defense-suh-wook",
            "e:org:al-waer",
            // judged a duplicate in judged-round2.tsv: "Lloyd Austin" of some stories and "Lloyd J. Austin III" of others
            "e:per:lloyd-austin",
            // judged a duplicate in judged-round2.tsv: "NATO Alliance" beside NATO
            "e:org:nato-alliance",
            // judged duplicates in judged-final.tsv, one node since round 7: an acronym typed place beside the agency it
            // spells, a broadcaster without "News", "Jim Mattis" beside "James N. Mattis" ("Defense Department", judged a
            // duplicate of another story's "Department of Defense", is one node with it: checked below)
            "e:loc:usaid", "e:org:abc", "e:per:jim-mattis",
        };
        var judgedBad = RealTextJudgedSampleTests.Judged("judged-before.tsv", "realtext-check").Concat(RealTextJudgedSampleTests.Judged("judged-round2.tsv", "realtext-check"))
            .Concat(RealTextJudgedSampleTests.Judged("judged-final.tsv", "realtext-check"))
            .Where(r => r[3] != "correct").Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        Assert.That(gone.Where(g => !judgedBad.Contains(g)), Is.Empty, "every id here was judged bad in main's sample");
        Assert.That(gone.Where(Graph.Value.ContainsKey), Is.Empty, "judged junk or wrong type in main's graph, and back again");
        // what they were: a defense secretary's name, a neighbourhood
        Assert.That(string.Join(':', Graph.Value["e:per:lloyd-j-austin-iii"]["labels"]!.Select(l => (string)l!)), Is.EqualTo("Entity:Person"));
        Assert.That(Graph.Value["e:per:lloyd-j-austin-iii"]["properties"]!["aliases"]!.Select(a => (string)a!), Does.Contain("Lloyd Austin"));
        Assert.That(Graph.Value["e:org:north-atlantic-treaty-organization"]["properties"]!["aliases"]!.Select(a => (string)a!), Does.Contain("NATO Alliance"));
        Assert.That(string.Join(':', Graph.Value["e:loc:al-waer"]["labels"]!.Select(l => (string)l!)), Does.StartWith("Entity:Location"));
        IEnumerable<string> Aliases(string id) => Graph.Value[id]["properties"]!["aliases"]!.Select(a => (string)a!);
        Assert.That(Aliases("e:per:james-n-mattis"), Does.Contain("Jim Mattis"));
        Assert.That(Aliases("e:org:defense-department"), Does.Contain("Department of Defense"));
        Assert.That(Aliases("e:org:abc-news"), Does.Contain("ABC"));
        Assert.That(Aliases("e:org:combined-joint-task-force-operation-inherent-resolve"), Does.Contain("CJTF-OIR"));
        Assert.That(Graph.Value["e:org:usaid"]["properties"]!["doc_count"]!.Value<long>(), Is.GreaterThanOrEqualTo(7L),
            "the stories that write only USAID are the agency's too");
    }

    [Test]
    public void TheAstronomerNoLongerHoldsTheTelescopeNamedAfterHer()
    {
        // judged a wrong merge in judged-before.tsv: "Roman's construction", written before Dr. Nancy Grace Roman is named,
        // is the Roman Space Telescope (a spacecraft: Vehicle since branch actors6); since the recogniser with word classes the
        // headline's short name no longer makes a node of its own (it was judged a duplicate in judged-actors8-seed32.tsv), so the
        // telescope is its one node, named in full as the article names it, "Nancy Grace Roman Space Telescope" (nerfix-b)
        Assert.That(Graph.Value["e:per:nancy-grace-roman"]["properties"]!["aliases"]!.Select(a => (string)a!), Has.None.EqualTo("Roman"));
        Assert.That(Graph.Value["e:veh:nancy-grace-roman-space-telescope"]["properties"]!["aliases"]!.Select(a => (string)a!), Does.Contain("Roman"));
    }

    [Test]
    public void TheAllianceJudgedAWrongMergeNoLongerHoldsTheCountrysNames()
    {
        // judged-after.tsv: "ROK Alliance" had taken "ROK" and "Republic of Korea" (a wrong merge); judged-final.tsv: the node,
        // left without them, was a fragment of "the U.S.-ROK Alliance", the tie between two countries, which is no body of its
        // own (docs/entities.md): no node, and the country's names stay the country's
        Assert.That(Graph.Value.ContainsKey("e:org:rok-alliance"), Is.False, "a fragment of the bilateral alliance's name");
        var korea = Graph.Value["e:loc:south-korea"]["properties"]!["aliases"]!.Select(a => (string)a!).ToList();
        Assert.That(korea, Does.Contain("ROK"));
        Assert.That(korea, Does.Contain("Republic of Korea"));
    }
}

/// <summary>
/// The second check corpus of issue 10's real-text check: 56 public-domain and CC BY stories (tests/realtext-check2/news,
/// SOURCES.md), collected and judged by someone who had not read them before the entity work of that round, and whose
/// misses the developers do not read. The nodes judged correct in its samples keep their id and labels.
/// </summary>
public sealed class RealTextCheck2JudgedSampleTests
{
    private static readonly Lazy<Dictionary<string, JObject>> Graph = new(() => RealTextJudgedSampleTests.BuildNodes("realtext-check2"));

    /// <summary>Nodes judged correct that a later change named better, with why: judged id -> id now (and labels now).</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        // "Sharafat Ali Khan ... Sharafat Khan was": the first name and surname without the middle name join the full name in
        // the clusterer since branch dup42, so the node (the same mentions and aliases) is named by its most complete form
        ["e:per:sharafat-khan"] = "e:per:sharafat-ali-khan",
        // "the U.S. Environmental Protection Agency (EPA)": the article's own long form names the agency since branch acro36
        // (the gazetteer knows the letters alone, as another body's); same labels, the acronym an alias
        ["e:org:epa"] = "e:org:us-environmental-protection-agency",
        // "Enforcement and Removal Operations (ERO) Los Angeles Field Office": the office's name keeps the acronym written
        // before it (branch actors6); the same office, with "Los Angeles Field Office" among its aliases
        ["e:org:los-angeles-field-office"] = "e:org:ero-los-angeles-field-office",
        // "the National Archives and Records Administration (NARA)": the acronym joined its full name once the two bodies'
        // names over "and" were read as one name again (branches actors10 and actors11 merged); one node with both aliases
        ["e:org:nara"] = "e:org:national-archives-and-records-administration",
        // "the U.S. Marshals" of one story and "the U.S. Marshals Service" of others: a service named by the plural of those
        // who serve in it is one body across stories, named by the form most mentions use (branch actors14)
        ["e:org:us-marshals-service"] = "e:org:us-marshals",
        // the WASHINGTON datelines: the capital standing alone in a dateline is the city the stories also write "Washington,
        // D.C." (branch actors18), one node
        ["e:loc:washington"] = "e:loc:washington-dc\tLocation:City",
        // "GUATEMALA CITY –": a capital the gazetteer knows, opening a dateline, is that City (branch actors19)
        ["e:loc:guatemala-city"] = "e:loc:guatemala-city\tLocation:City",
        // since the recogniser with word classes (branch nerjudged): the office is one node named by the acronym most of its
        // mentions use, its full name an alias (GraphBuilder.CanonicalName); ERO is named by its full name and has lost the
        // fragment alias "Removal Operations"; "South Texas" is a Region (finer, right); the Arizona Department of Public
        // Safety is a plain Organization (the GovernmentAgency subtype is lost: coarser, not wrong)
        // (branch acro41: a long form that its bracketed acronym spells whole is one name, so the office is named by its full
        // name again, under the id the first samples judged; later samples judged it as "OFAC")
        ["e:org:ofac"] = "e:org:office-of-foreign-assets-control",
        ["e:org:ero"] = "e:org:enforcement-and-removal-operations",
        ["e:loc:south-texas"] = "e:loc:south-texas\tLocation:Region",
        ["e:org:arizona-department-of-public-safety"] = "e:org:arizona-department-of-public-safety\tOrganization",
    };

    /// <summary>Document-scoped generic actors judged correct whose only relationship reached a node no longer an entity:
    /// such an actor exists only while it takes part in a relationship (issue 10).</summary>
    private static readonly HashSet<string> GoneWithTheJunkTheyWereTiedThrough = new(StringComparer.Ordinal)
    {
        // "Prevent deaths in communities by supplying oral rehydration solution (ORS) sachets": its one edge went to "ORS",
        // typed an organisation (judged wrong type); an acronym of a description of a thing is no entity now (branch actors11)
        "e:org:communities-d-b37f7e0b4f5c2de7",
    };

    [TestCase("judged-before.tsv")]
    [TestCase("judged-after.tsv")]
    [TestCase("judged-actors11-seed62-branch.tsv")]
    [TestCase("judged-actors11-seed10.tsv")]
    public void NodesJudgedCorrectKeepTheirIdAndLabels(string file)
        => RealTextCheckJudgedSampleTests.AssertCorrectNodesKept(Graph.Value, "realtext-check2", file, Renamed, 60, GoneWithTheJunkTheyWereTiedThrough.Concat(KnownLosses).ToHashSet(StringComparer.Ordinal));

    /// <summary>Correct nodes a later change lost (regressions the closing note reports).</summary>
    private static readonly HashSet<string> KnownLosses = new(StringComparer.Ordinal)
    {
        // the recogniser with word classes (branch nerjudged): "The United States Attorney's Office remains committed ..." and
        // "the Justice Department's Criminal Division" no longer yield the office and the division
        "e:org:united-states-attorneys-office", "e:org:criminal-division",
    };

    [Test]
    public void WrongTypesMainMadeStayFixed()
    {
        // judged wrong type in main's samples (judged-before.tsv, judged-after.tsv, judged-actors11-seed62.tsv) and gone since
        // branch actors11: a disease, agreements and a thing's acronym typed organisations, meetings typed organisations, a
        // gun maker and a law firm typed persons, an agency and a Spanish police force typed places, a city and islands
        // typed organisations, a speaker's surname typed organisation
        var gone = new[]
        {
            "e:loc:ebola", "e:org:ebola", "e:org:memorandum-of-understanding", "e:org:moa", "e:org:ors", "e:org:teras",
            "e:org:tribal-energy-resource-agreements", "e:org:spring-forum", "e:org:nuclear-power-ministerial", "e:per:sig-sauer",
            "e:per:mossack-fonseca", "e:loc:us-fish-wildlife-service", "e:loc:policia-municipal-de-barandilla", "e:org:new-york",
            "e:org:florida-keys", "e:org:big-coppitt-key", "e:org:ortiz",
        };
        var judgedBad = RealTextJudgedSampleTests.Judged("judged-before.tsv", "realtext-check2").Concat(RealTextJudgedSampleTests.Judged("judged-after.tsv", "realtext-check2"))
            .Concat(RealTextJudgedSampleTests.Judged("judged-actors11-seed62.tsv", "realtext-check2"))
            .Where(r => r[3] == "wrong-type").Select(r => r[0]).ToHashSet(StringComparer.Ordinal);
        Assert.That(gone.Where(g => !judgedBad.Contains(g)), Is.Empty, "every id here was judged of the wrong type in main's samples");
        Assert.That(gone.Where(Graph.Value.ContainsKey), Is.Empty, "judged of the wrong type in main's graph, and back again");
    }

    [Test]
    public void TheCourtWithAndWithoutItsCountrysAdjectiveIsOneNode()
    {
        // judged a duplicate in main's samples (judged-before.tsv, judged-after.tsv): "the Philippine Supreme Court" and "the
        // Supreme Court" of one story; "Philippine" is the Philippines' adjective in PETRARCH's dictionary (branch actors15)
        Assert.That(Graph.Value.ContainsKey("e:org:supreme-court"), Is.False, "the bare court is a node of its own again");
        Assert.That(Graph.Value["e:org:philippine-supreme-court"]["properties"]!["aliases"]!.Select(a => (string)a!), Does.Contain("Supreme Court"));
    }
}

/// <summary>
/// The sixth session's check corpus (tests/realtext-check4, stories nobody on the team had read, judged by helpers who
/// did no development): every node judged correct in its samples, before and after the session's work, is still in the
/// graph with the same id and labels (issue 10: "keep the judged sample as a test that fails when a judged node regresses").
/// Only the correct rows are read here; developers do not read the other rows.
/// </summary>
public sealed class RealTextCheck4JudgedSampleTests
{
    private static readonly Lazy<Dictionary<string, JObject>> Graph = new(() => RealTextJudgedSampleTests.BuildNodes("realtext-check4"));

    [TestCase("judged-before.tsv")]
    [TestCase("judged-after.tsv")]
    [TestCase("judged-before-seed22.tsv")]
    [TestCase("judged-after-seed22.tsv")]
    public void NodesJudgedCorrectKeepTheirIdAndLabels(string file)
        => RealTextCheckJudgedSampleTests.AssertCorrectNodesKept(Graph.Value, "realtext-check4", file, Renamed, 60, KnownLosses);

    /// <summary>Correct nodes a later change lost (regressions the closing note reports).</summary>
    private static readonly HashSet<string> KnownLosses = new(StringComparer.Ordinal)
    {
        // the recogniser with word classes (branch nerjudged): "the War Room of Freeman Hall" is cut in two, "Freeman Hall" a
        // Person; "Kharkiv Institute of Physics and Technology" is cut after "Physics"; "NATO's Baltic front" no longer
        // yields the region (the "Baltic Sea region" of the story is the sea now); "CENTCOM Commander Gen. ..." and "a WTO
        // dispute" no longer yield the command and the organisation
        "e:loc:war-room-of-freeman-hall", "e:org:kharkiv-institute-of-physics-and-technology", "e:loc:baltic", "e:org:centcom", "e:org:wto",
    };

    /// <summary>Correct nodes a later change named better, with why (judged id -> id now).</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        // a country's named armed forces are its "Armed Forces of X" node (branch dups22; the written name is an alias)
        ["e:org:sudanese-armed-forces"] = "e:org:armed-forces-of-sudan",
        // a signature block's capitalised name after a title ending in "in Charge of" body: the whole name, not its last
        // two words (branch frag22; the judge had noted "first name cut")
        ["e:per:j-garcia"] = "e:per:michael-j-garcia",
        // since the recogniser with word classes (branch nerjudged): the acronym is one node with the full name it spells,
        // "Main Intelligence Directorate of the General Staff" (and no longer takes "the General Staff"); the U.S. Department
        // of Agriculture is a plain Organization (the GovernmentAgency subtype is lost: coarser, not wrong)
        ["e:org:gru"] = "e:org:main-intelligence-directorate-of-the-general-staff",
        // "the Commanding General of U.S. Army South, Maj. Gen. ...": lost to the recogniser with word classes, found again
        // (branch nerfix-b: an armed force after a title's "of" is no field) and named with its country as the article
        // writes it, as in tests/realtext (one body with and without its country)
        ["e:org:army-south"] = "e:org:us-army-south",
        ["e:org:us-department-of-agriculture"] = "e:org:us-department-of-agriculture\tOrganization",
    };
}

/// <summary>
/// The check corpora of the fifth and seventh to tenth sessions and of the session after them (tests/realtext-check3,
/// -check5, -check6, -check7, -check8, -check9: stories nobody
/// on the team had read when they were judged by helpers who did no development): every node judged correct in their
/// samples is still in the graph with the same id and labels (issue 10: "keep the judged sample as a test that fails when
/// a judged node regresses").
/// </summary>
public sealed class RealTextLaterCheckJudgedSampleTests
{
    private static readonly Dictionary<string, Lazy<Dictionary<string, JObject>>> Graphs = new[] { "realtext-check3", "realtext-check5", "realtext-check6", "realtext-check7", "realtext-check8", "realtext-check9", "realtext-check10", "realtext-check11", "realtext-check12", "realtext-check13", "realtext-check14", "realtext-check15", "realtext-check16", "realtext-check17", "realtext-check18", "realtext-check19", "realtext-check20", "realtext-check21", "realtext-check22", "realtext-check23", "realtext-check24", "realtext-check25" }
        .ToDictionary(f => f, f => new Lazy<Dictionary<string, JObject>>(() => RealTextJudgedSampleTests.BuildNodes(f)));

    /// <summary>Correct nodes a later change folded into another node, with why (judged id -> id now).</summary>
    private static readonly Dictionary<string, string> Renamed = new(StringComparer.Ordinal)
    {
        // "the Special Agent in Charge of ICE Dallas": the agency's Dallas office is read as the agency itself (a loss of
        // detail, not of the actor: the city is a node of its own)
        ["e:org:ice-dallas"] = "e:org:us-immigration-and-customs-enforcement",
        // "WASHINGTON –" alone in a dateline is the capital (branch actors18), one node with the city the text writes in full
        ["e:loc:washington"] = "e:loc:washington-dc\tLocation:City",
        // "the District of Columbia" is the capital (branch actors19), one node with the city
        ["e:loc:district-of-columbia"] = "e:loc:washington-dc\tLocation:City",
        // a country's named armed forces are its "Armed Forces of X" node, one node with "Albanian troops" (branch dups22;
        // the written name is an alias)
        ["e:org:jamaica-defence-force"] = "e:org:armed-forces-of-jamaica\tOrganization:ArmedForces",
        ["e:org:albanian-armed-forces"] = "e:org:armed-forces-of-albania",
        ["e:org:salvadoran-armed-forces"] = "e:org:armed-forces-of-el-salvador",
        ["e:org:israel-defense-forces"] = "e:org:armed-forces-of-israel",
        // tests/realtext-check10 (judge15): "the Jordanian Armed Forces" is the country's "Armed Forces of Jordan" node since
        // branch dups22 (the written name is an alias; same labels)
        ["e:org:jordanian-armed-forces"] = "e:org:armed-forces-of-jordan",
        // tests/realtext-check5: "the United Nations Security Council" is the gazetteer's Security Council, known also as "UN
        // Security Council", since branch dups31 (an international organisation's acronym or full name before a body's words)
        ["e:org:united-nations-security-council"] = "e:org:security-council\tOrganization:InternationalOrganization",
        // since the recogniser with word classes (branch nerjudged), same things under other ids or labels:
        // tests/realtext-check6: the Qods Force is an ArmedForces (finer, right); "ICE's Office of the Principal Legal Advisor
        // (OPLA)" is named by its acronym (its alias is "the Principal Legal Advisor", without "Office of"); "U.S. Customs and
        // Immigration Enforcement's Homeland Security Investigations (HSI)" is the HSI node with "Homeland Security
        // Investigations" (the owner's misspelt name, no part of the unit's, is a node of its own)
        ["e:org:islamic-revolutionary-guard-corps-qods-force"] = "e:org:islamic-revolutionary-guard-corps-qods-force\tOrganization:ArmedForces",
        ["e:org:office-of-the-principal-legal-advisor"] = "e:org:opla",
        ["e:org:us-customs-and-immigration-enforcements-homeland-security-investigations"] = "e:org:hsi",
        // tests/realtext-check7: an air station is a Facility as much as a unit
        ["e:org:coast-guard-air-station-borinquen"] = "e:loc:coast-guard-air-station-borinquen\tLocation:Facility",
        // tests/realtext-check9: Central America is a Region (finer, right)
        ["e:loc:central-america"] = "e:loc:central-america\tLocation:Region",
        // tests/realtext-check10 and -check13: South Caucasus and the Eastern Mediterranean are plain Locations (the Region
        // subtype is lost: coarser, not wrong; check9 judged South Caucasus a plain Location too)
        ["e:loc:south-caucasus"] = "e:loc:south-caucasus\tLocation",
        ["e:loc:eastern-mediterranean"] = "e:loc:eastern-mediterranean\tLocation",
    };

    [TestCase("realtext-check3", "judged-before.tsv")]
    [TestCase("realtext-check3", "judged-before-seed12.tsv")]
    [TestCase("realtext-check3", "judged-after.tsv")]
    [TestCase("realtext-check3", "judged-after-seed12.tsv")]
    [TestCase("realtext-check5", "judged-before.tsv")]
    [TestCase("realtext-check5", "judged-before-seed31.tsv")]
    [TestCase("realtext-check5", "judged-after.tsv")]
    [TestCase("realtext-check6", "judged-before.tsv")]
    [TestCase("realtext-check6", "judged-before-seed51.tsv")]
    [TestCase("realtext-check6", "judged-after.tsv")]
    [TestCase("realtext-check7", "judged-before.tsv")]
    [TestCase("realtext-check7", "judged-before-seed61.tsv")]
    [TestCase("realtext-check7", "judged-after.tsv")]
    [TestCase("realtext-check8", "judged-before.tsv")]
    [TestCase("realtext-check8", "judged-before-seed71.tsv")]
    [TestCase("realtext-check8", "judged-after.tsv")]
    // tests/realtext-check9: main b62234d's two samples judged by corpus10 and judge14's sample of a3244ec; every node judged correct is still there at
    // 9fd6e6f with its id and labels (its name too, though this test checks id and labels only): no rename, no loss
    [TestCase("realtext-check9", "judged-before.tsv")]
    [TestCase("realtext-check9", "judged-before-seed81.tsv")]
    [TestCase("realtext-check9", "judged-after.tsv")]
    // tests/realtext-check10: main 1ea945d's two samples judged by corpus11 and judge15's re-judged samples and fresh draw of
    // b97e9af; every node judged correct is still there with its id and labels, but for one renamed above (no loss)
    [TestCase("realtext-check10", "judged-before.tsv")]
    [TestCase("realtext-check10", "judged-before-seed91.tsv")]
    [TestCase("realtext-check10", "judged-after.tsv")]
    [TestCase("realtext-check10", "judged-after-seed91.tsv")]
    [TestCase("realtext-check10", "judged-after-seed92.tsv")]
    // tests/realtext-check11: main 0e984c2's two samples judged by corpus12 and judge16's re-judged sample and fresh draw of
    // 2397f6e; every node judged correct before is still there with its id, labels and name (no rename, no loss); the
    // second draw has 56 rows judged correct, so it asks for 50 of them rather than 60
    [TestCase("realtext-check11", "judged-before.tsv")]
    [TestCase("realtext-check11", "judged-before-seed101.tsv", 50)]
    [TestCase("realtext-check11", "judged-after.tsv")]
    [TestCase("realtext-check11", "judged-after-seed102.tsv")]
    // tests/realtext-check12: main 0e6bbb0's two samples judged by corpus13 and judge17's re-judged samples and fresh draw of
    // ea217d5; every node judged correct before is still there with its id, labels and name (no rename, no loss); the
    // seven nodes that changed were all judged wrong before (six now right, under their new ids in judged-after-seed111.tsv)
    [TestCase("realtext-check12", "judged-before.tsv")]
    // (judged-before-seed111.tsv: 60 rows judged correct, one of them a known loss of the recogniser with word classes,
    // branch nerjudged; so it asks for 55 of them rather than 60)
    [TestCase("realtext-check12", "judged-before-seed111.tsv", 55)]
    [TestCase("realtext-check12", "judged-after.tsv")]
    [TestCase("realtext-check12", "judged-after-seed111.tsv")]
    [TestCase("realtext-check12", "judged-after-seed112.tsv")]
    // tests/realtext-check13: main 57d1691's two samples judged by corpus14 and judge18's re-judged samples and fresh draw of
    // 25f2631; every node of the two before samples is still there with its id, labels, name and aliases (no rename, no
    // loss); the fresh draw's International Labour Conference, an Organization at 57d1691, is an Event:Meeting now
    [TestCase("realtext-check13", "judged-before.tsv")]
    [TestCase("realtext-check13", "judged-before-seed121.tsv")]
    [TestCase("realtext-check13", "judged-after.tsv")]
    [TestCase("realtext-check13", "judged-after-seed122.tsv")]
    // tests/realtext-check14: main 4e461a2's two samples judged by corpus15 and judge19's re-judged samples and fresh draw of
    // 4c833bf; every node of the two before samples is still there with its id, labels and name (no rename, no loss); two
    // changed: Germany's government lost a wrong alias (wrong merge before, correct now) and Niger's government lost the two
    // "the Government and people of Niger" mentions (still correct)
    [TestCase("realtext-check14", "judged-before.tsv")]
    [TestCase("realtext-check14", "judged-before-seed131.tsv")]
    [TestCase("realtext-check14", "judged-after.tsv")]
    [TestCase("realtext-check14", "judged-after-seed132.tsv")]
    // tests/realtext-check15: main 6b20810's two samples judged by corpus16 and judge20's re-judged samples and fresh draw of
    // 9e229f4 (the recogniser with word classes and the rules after it); of the nodes judged correct before, one is renamed
    // (RenamedIn) and one is a known loss (KnownLosses); the rest keep their id, labels and name
    [TestCase("realtext-check15", "judged-before.tsv")]
    [TestCase("realtext-check15", "judged-before-seed141.tsv")]
    [TestCase("realtext-check15", "judged-after.tsv")]
    [TestCase("realtext-check15", "judged-after-seed142.tsv")]
    // tests/realtext-check16: main 7a312f9's two samples judged by corpus17 and judge21's re-judged samples and fresh draw of
    // 42e1cff; every node of the two before samples is still there with its id, labels and name (no rename, no loss); two
    // changed, both judged wrong before and right now: Yemen is a Country only (no Region), and the bare "Ministry of
    // Foreign Affairs" node keeps one article's ministry (the other articles' ministries are nodes of their own)
    [TestCase("realtext-check16", "judged-before.tsv")]
    [TestCase("realtext-check16", "judged-before-seed151.tsv")]
    [TestCase("realtext-check16", "judged-after.tsv")]
    [TestCase("realtext-check16", "judged-after-seed152.tsv")]
    // tests/realtext-check17: main 614cda4's two samples judged by corpus18 and judge22's re-judged samples and fresh draw of
    // 15c2f98; the graph of 15c2f98 is byte-identical to 614cda4's, so every node of the two before samples is still there
    // with its id, labels, name and aliases (no rename, no loss)
    [TestCase("realtext-check17", "judged-before.tsv")]
    [TestCase("realtext-check17", "judged-before-seed161.tsv")]
    [TestCase("realtext-check17", "judged-after.tsv")]
    [TestCase("realtext-check17", "judged-after-seed162.tsv")]
    // tests/realtext-check18: main 66068ee's two samples judged by corpus19 and judge23's re-judged samples and fresh draw of
    // 398ec07; every node judged correct before is still there with its id, labels and name (no rename, no loss); three
    // nodes of the before draws changed, all judged wrong before: the Japan-Korea Export Control Policy Dialogue is an
    // Event:Meeting (correct now), ITA joined the WTO Information Technology Agreement it abbreviates, and a document's
    // cut title makes no node; the draws have 57 (before), 58 (after) and 59 (seed 172) rows judged correct, so each asks
    // for 55 of them rather than 60
    [TestCase("realtext-check18", "judged-before.tsv", 55)]
    [TestCase("realtext-check18", "judged-before-seed171.tsv", 55)]
    [TestCase("realtext-check18", "judged-after.tsv", 55)]
    [TestCase("realtext-check18", "judged-after-seed172.tsv", 55)]
    // tests/realtext-check19: main da68f7d's two samples judged by corpus20 before any work of the session (this session's
    // unread check corpus: developers do not read its misses); the draws have 64 (seed 180) and 63 (seed 181) rows judged
    // correct, so each asks for the default 60 of them
    [TestCase("realtext-check19", "judged-before.tsv")]
    [TestCase("realtext-check19", "judged-before-seed181.tsv")]
    // judge24's re-judged samples and fresh draw of main ce557b3 (the session's merges): every node of the two before
    // samples is still there with its id, labels, name, aliases and mention count (no rename, no loss, no verdict
    // changed); the whole graph changed in two nodes (the OAS named by its long form under a new id, "HC Türk" adding a
    // node); the re-judged draws keep 64 and 63 correct rows and the fresh draw (seed 182) has 62
    [TestCase("realtext-check19", "judged-after-seed180.tsv")]
    [TestCase("realtext-check19", "judged-after-seed181.tsv")]
    [TestCase("realtext-check19", "judged-after.tsv")]
    // tests/realtext-check20: main da3f326's two samples judged by corpus21 before any work of the session (this session's
    // unread check corpus: developers do not read its misses), and judge25's re-judged samples and fresh draw of main
    // ef31784 (the session's merges); every node judged correct before is still there with its id, labels and name (no
    // rename, no loss); five nodes changed, all judged wrong before: "Cardin" joined Ben Cardin and the Svyatlana spelling
    // joined Sviatlana Tsikhanouskaya (dup38), the bare "Tillis" joined Thom Tillis, and International Human Rights Day is
    // an Event (type38); the draws have 67 (seed 190), 68 (seed 191) correct rows before, 68 and 70 after re-judging, and
    // the fresh draw (seed 192) has 69, so each asks for 65 of them
    [TestCase("realtext-check20", "judged-before.tsv", 65)]
    [TestCase("realtext-check20", "judged-before-seed191.tsv", 65)]
    [TestCase("realtext-check20", "judged-after-seed190.tsv", 65)]
    [TestCase("realtext-check20", "judged-after-seed191.tsv", 65)]
    [TestCase("realtext-check20", "judged-after.tsv", 65)]
    // tests/realtext-check21: main 232aac6's two samples judged by corpus22 before any work of the session (this session's
    // unread check corpus: developers do not read its misses), and judge26's re-judged samples and fresh draw of main
    // 0c350a1 (the session's merges); every node judged correct before is still there with its id, labels, name, aliases
    // and mention count (no rename, no loss); the whole graph changed in seven nodes, all judged or judgeable wrong before:
    // two party-state tags and a bill prefix make no node (glue39, title39), and the DPAA node is named by its acronym
    // without the wrong alias "These teams"; the draws have 75 (seed 200) and 69 (seed 201) correct rows before and after,
    // and the fresh draw (seed 202) has 79, so they ask for 75, 65 and 75 of them
    [TestCase("realtext-check21", "judged-before.tsv", 75)]
    [TestCase("realtext-check21", "judged-before-seed201.tsv", 65)]
    [TestCase("realtext-check21", "judged-after-seed200.tsv", 75)]
    [TestCase("realtext-check21", "judged-after-seed201.tsv", 65)]
    [TestCase("realtext-check21", "judged-after.tsv", 75)]
    // tests/realtext-check22: main 429bc26's two samples judged by corpus23 before any work of the session (this session's
    // unread check corpus: developers do not read its misses), and judge27's re-judged samples and fresh draw of main
    // 40749e8 (the session's merges); every node judged correct before is still there with its id, labels and name (no
    // rename, no loss); the whole graph changed in four nodes, none judged correct before: a month abbreviation in a date
    // line makes no node (acro40), "Turkish" of "the Turkish General Staff" joined Türkiye (merge40, Türkiye still correct
    // with one more alias), and a warship mistyped Person is named by its short form; the draws have 59 (seed 210) and 66
    // (seed 211) correct rows before and after, and the fresh draw (seed 212) has 73, so they ask for 55, 65 and 70 of them
    [TestCase("realtext-check22", "judged-before.tsv", 55)]
    [TestCase("realtext-check22", "judged-before-seed211.tsv", 65)]
    [TestCase("realtext-check22", "judged-after-seed210.tsv", 55)]
    [TestCase("realtext-check22", "judged-after-seed211.tsv", 65)]
    [TestCase("realtext-check22", "judged-after.tsv", 70)]
    // tests/realtext-check23: main e6c9bfd's two samples judged by corpus24 before any work of the session (this session's
    // unread check corpus: developers do not read its misses), and judge28's re-judged samples and fresh draw of main
    // c0e5a61 (the session's merges); every node judged correct before is still there with its id, labels and name (no
    // rename, no loss); the whole graph changed in two nodes only (other41): Ján Kubiš lost the glued alias "for Iraq Ján
    // Kubiš" (still correct, but that mention now gives no name) and Gorran (a party typed Person, wrong before) took his
    // pronoun; the draws have 74 (seed 220) and 78 (seed 221) correct rows before and after, and the fresh draw (seed 222)
    // has 76, so they ask for 70, 75 and 75 of them
    [TestCase("realtext-check23", "judged-before.tsv", 70)]
    [TestCase("realtext-check23", "judged-before-seed221.tsv", 75)]
    [TestCase("realtext-check23", "judged-after-seed220.tsv", 70)]
    [TestCase("realtext-check23", "judged-after-seed221.tsv", 75)]
    [TestCase("realtext-check23", "judged-after.tsv", 75)]
    // tests/realtext-check24: main 5cb8627's two samples judged by corpus25 before any work of the session (this session's
    // unread check corpus: developers do not read its misses), and judge29's re-judged samples and fresh draw of main
    // 8ee3635 (the session's merges); every node judged correct before is still there with its id, labels and name (no
    // rename, no loss); the whole graph changed in eight nodes, none judged correct before lost: a headline's glued
    // "OPCW Director-General Congratulates Iraq" and the glued "OPCW Director-General Ahmet Üzümcü" (both junk) are gone,
    // their mentions now the OPCW, Iraq and Ahmet Üzümcü (glue42); "Former Yugoslav Republic of Macedonia" is a Location
    // named whole, no Person cut before "Former" (glue42/fix42); the NZ Defence Force no longer takes "the Multinational
    // Force" of the MFO (other42); the draws have 66 (seed 230) and 66 (seed 231) correct rows before, 67 and 66 after
    // (the OPCW now holds the junk headline node's mention), and the fresh draw (seed 232) has 69, so they ask for 65 each
    [TestCase("realtext-check24", "judged-before.tsv", 65)]
    [TestCase("realtext-check24", "judged-before-seed231.tsv", 65)]
    [TestCase("realtext-check24", "judged-after-seed230.tsv", 65)]
    [TestCase("realtext-check24", "judged-after-seed231.tsv", 65)]
    [TestCase("realtext-check24", "judged-after.tsv", 65)]
    // tests/realtext-check25: main 570801a's two samples judged by corpus26 before any work of the session (this session's
    // unread check corpus: developers do not read its misses), and judge30's re-judged samples and fresh draw of main
    // 2333263 (the session's merges); every node judged correct before is still there with its id, labels and name (no
    // rename, no loss); the whole graph changed in one node only (merge44): Maria Angela Holguin Cuellar ("Mrs", 028) no
    // longer takes the two "his" of the Secretary-General (mentions 6 -> 4); the draws have 69 (seed 240) and 71 (seed
    // 241) correct rows before and after, and the fresh draw (seed 242) has 70, so they ask for 65, 70 and 70 of them
    [TestCase("realtext-check25", "judged-before.tsv", 65)]
    [TestCase("realtext-check25", "judged-before-seed241.tsv", 70)]
    [TestCase("realtext-check25", "judged-after-seed240.tsv", 65)]
    [TestCase("realtext-check25", "judged-after-seed241.tsv", 70)]
    [TestCase("realtext-check25", "judged-after.tsv", 70)]
    public void NodesJudgedCorrectKeepTheirIdAndLabels(string folder, string file, int atLeast = 60)
        => RealTextCheckJudgedSampleTests.AssertCorrectNodesKept(Graphs[folder].Value, folder, file,
            Renamed.Where(r => !RenamedIn.ContainsKey((folder, r.Key))).Concat(RenamedIn.Where(r => r.Key.Folder == folder).Select(r => KeyValuePair.Create(r.Key.Id, r.Value))).ToDictionary(StringComparer.Ordinal),
            atLeast, GoneWithTheirEdge.Concat(KnownLosses.Where(l => l.Folder == folder).Select(l => l.Id)).ToHashSet(StringComparer.Ordinal));

    /// <summary>Renames that hold in one corpus only (the same id judged correct elsewhere keeps its labels there); an entry
    /// here replaces the corpus-wide entry of Renamed for that corpus.</summary>
    private static readonly Dictionary<(string Folder, string Id), string> RenamedIn = new()
    {
        // tests/realtext-check24 (branch title44): "the Chairman of the European Union Military Committee (CEUMC)" (003) is the
        // title of an office holder, no body since "(CEUMC)" reads as the title's abbreviation; the body's full name it held is
        // now the committee's own node, which the same story's "EU Military Committee" joins (same body, same label)
        [("realtext-check24", "e:org:eu-military-committee")] = "e:org:european-union-military-committee",
        // tests/realtext-check24 (branch cut44): "the Armed Forces of Bosnia and Herzegovina" is named whole, the country's
        // name no longer cut at its "and" (a gazetteer place whose name holds "and" ends the name that runs into it)
        [("realtext-check24", "e:org:armed-forces-of-bosnia")] = "e:org:armed-forces-of-bosnia-and-herzegovina",
        // tests/realtext-check13: "Yoweri Kaguta Museveni ... Yoweri Museveni": the first name and surname without the middle
        // name join the full name in the clusterer since branch dup42; the same node (mentions and aliases unchanged) is named
        // by its most complete form
        [("realtext-check13", "e:per:yoweri-museveni")] = "e:per:yoweri-kaguta-museveni",
        // tests/realtext-check6: "the Senate Committee on Banking, Housing, and Urban Affairs" is named whole since branch cut40
        // (a body's fields listed after "on" run on to their plural head; it was cut at the first comma)
        [("realtext-check6", "e:org:senate-committee-on-banking")] = "e:org:senate-committee-on-banking-housing-and-urban-affairs",
        // branch dup40 (GraphBuilder.JoinScopedAgents): a document-scoped actor joins the one actor of its article keyed by
        // a country with the same agent and head noun: check7's "41 migrants" (38 of them Haitians, repatriated to Haiti)
        // are the Haitian migrants, check17's "crimes against children" (in New Zealand) the New Zealander children
        [("realtext-check7", "e:org:migrants-d-3260f3f5224096d2")] = "e:org:haitian-migrants\tOrganization:Agent",
        [("realtext-check17", "e:org:children-d-fb5e5e8b8dae7219")] = "e:org:new-zealander-children\tOrganization:Agent",
        // tests/realtext-check9: "the ruling Georgian Dream (GD)" is named by the article's long form since branch acro36
        // (same labels, the acronym an alias)
        [("realtext-check9", "e:org:gd")] = "e:org:georgian-dream",
        // the recogniser with word classes (branch nerjudged): tests/realtext-check13's Western Balkans are a plain Location
        // (the Region subtype lost: coarser, not wrong), while check12's stay a Region
        [("realtext-check13", "e:loc:western-balkans")] = "e:loc:western-balkans\tLocation",
        // tests/realtext-check15 (judge20): "the Committee of Ministers of the Council of Europe" is node "Committee of
        // Ministers", the body's name as the same story also writes it alone; the Council of Europe is its own node
        [("realtext-check15", "e:org:committee-of-ministers-of-the-council-of-europe")] = "e:org:committee-of-ministers",
        // tests/realtext-check15: "Washington" alone (the U.S. capital, no "D.C." in any story) stays its own plain Location,
        // the node judged correct in judged-after-seed142.tsv (the corpus-wide rename to e:loc:washington-dc does not hold)
        [("realtext-check15", "e:loc:washington")] = "e:loc:washington",
        // tests/realtext-check11 (branch dups34): "UNSC" / "United Nations Security Council" (050) joined the story's "UN
        // Security Council" node, the same body: the United Nations owns "Security Council" written either way
        [("realtext-check11", "e:org:unsc")] = "e:org:security-council",
        // tests/realtext-check14 (found by judge23 at main 398ec07, where this test failed): "the Hon Fiamē Naomi Mata'afa,
        // Prime Minister ... of Samoa" (023) keeps "Fiamē" since the honorific "the Hon" is read as a style (title36);
        // the judged row's reason noted that "Fiamē" was left off, so the fuller name is right
        [("realtext-check14", "e:per:naomi-mataafa")] = "e:per:fiame-naomi-mataafa",
        // tests/realtext-check19 (corpus20): Central America is a plain Location at main da68f7d, judged correct as such (a
        // region with the plain Location label counts as correct); the corpus-wide entry (check9's Region) does not hold here
        [("realtext-check19", "e:loc:central-america")] = "e:loc:central-america\tLocation",
        // branch acro41 (MentionFinder.JoinLongFormsTheirAcronymsSpell): the words an acronym in brackets spells whole are
        // one name, so check5's ERO is named by its whole long form "Enforcement and Removal Operations" (it was named by
        // the acronym, with the cut alias "Removal Operations") and check17's RPNGC by "Royal Papua New Guinea
        // Constabulary" (same labels, the acronym an alias)
        [("realtext-check5", "e:org:ero")] = "e:org:enforcement-and-removal-operations",
        [("realtext-check17", "e:org:rpngc")] = "e:org:royal-papua-new-guinea-constabulary",
    };

    /// <summary>Correct nodes a later change lost, knowingly, to remove a worse error elsewhere; each is a regression the
    /// closing note reports (not a rename: the node is wrong now).</summary>
    private static readonly (string Folder, string Id)[] KnownLosses =
    {
        // tests/realtext-check13 (005): "Sinjar and Ninewa Plains" are written only inside the report title "Legacies of Conflict on
        // Rural Economies and Communities in Sinjar and Ninewa Plains" (after "a report on"-style introduction): title39's rule
        // gives names written only inside a work's title no node; the title's junk pieces ("Legacies of Conflict", "Rural
        // Economies") go with them. A place inside a title that the story never names elsewhere is lost: a known cost.
        ("realtext-check13", "e:loc:ninewa-plains"),
        ("realtext-check13", "e:loc:sinjar-plains"),
        // (tests/realtext-check10's Sevastopol, back to the old recogniser's Organization since mend26, is a Location again
        // with the recogniser with word classes: checked again since branch nerfix-b)
        // tests/realtext-check8, judged correct for "Officials in Kenya say" (002), a phrase that never made this node: its
        // one mention was "the last stable government by Siad Barre" in a sentence naming Somalia alone, filed under the
        // story's most named country; since dups24 a bare government noun in a sentence naming only other countries refers
        // to none, so the node is gone (a wrong node removed, though its judged row said correct)
        ("realtext-check8", "e:org:government-of-kenya"),
        // the recogniser with word classes (branch nerjudged), judged correct before it:
        // tests/realtext-check3: "the Big South trailhead" is an Organization; Siamak Namazi, named in a list of relatives, is
        // a Location; "served for the United States Army Reserve" no longer yields the reserve
        ("realtext-check3", "e:loc:big-south"), ("realtext-check3", "e:per:siamak-namazi"), ("realtext-check3", "e:org:united-states-army-reserve"),
        // tests/realtext-check5: "the Gisozi sector" is no name; "Chief of the Joint Staff of the Armed Forces of Bosnia and
        // Herzegovina" is read "Armed Forces of Bosnia", another body; "U.S.-... Ministerial Consultations" is an Organization
        ("realtext-check5", "e:loc:gisozi"), ("realtext-check5", "e:org:joint-staff-of-the-armed-forces-of-bosnia"),
        ("realtext-check5", "e:evt:s-ministerial-consultations"),
        // tests/realtext-check6: the Caribbean Border Interagency Group and Bali are no longer names
        ("realtext-check6", "e:org:caribbean-border-interagency-group"), ("realtext-check6", "e:loc:bali"),
        // tests/realtext-check7: the chant "Muqtada" and the "U.S. Navy P-8" are no longer names (Dire Dawa, a Person, is a
        // place again since branch nerfix-b: "the eastern Ethiopian city of Dire Dawa")
        ("realtext-check7", "e:per:muqtada"), ("realtext-check7", "e:veh:us-navy-p-8"),
        // tests/realtext-check8: Donna (Texas) is a Person; "Myanma Oil and Gas Enterprise (MOGE)" is named "Gas Enterprise";
        // "Air Expeditionary Group-CI19" is cut to "Air Expeditionary"; "(CBP) Office of Field Operations (OFO)" is named
        // "CBP) Office of Field Operations"; "The United States Attorney's Office" and "the Coast Guard Cutter Chandeleur" are
        // no longer names, and the document's smugglers, whose one relationship ran to the cutter, go with it
        ("realtext-check8", "e:loc:donna"), ("realtext-check8", "e:org:moge"), ("realtext-check8", "e:org:air-expeditionary-group-ci19"),
        ("realtext-check8", "e:org:office-of-field-operations"), ("realtext-check8", "e:org:united-states-attorneys-office"),
        // (the cutter Chandeleur is a vessel again since branch nerfix-a: a run with a vessel's kind goes to the vehicle rules)
        ("realtext-check8", "e:org:smugglers-d-b94c74dfc3090033"),
        // tests/realtext-check9: Aung Ban, NATO HQ and East Africa are no longer names (the Law Enforcement Detachment, glued
        // to "and Royal Navy", is its own body again since branch nerfix-b)
        ("realtext-check9", "e:loc:aung-ban"), ("realtext-check9", "e:loc:nato-hq"), ("realtext-check9", "e:loc:east-africa"),
        // (tests/realtext-check11 and -check12's World Bank, read as "President of the World Bank Group", and -check12's
        // Kryvyi Rih, a Person, are right again since branch nerfix-b: an office noun and "of the" before a body, and the
        // examples of "cities including ...")
        // tests/realtext-check12: the Leaders Summit on Climate is cut to "Leaders Summit";
        // tests/realtext-check13: the World Bank is typed a Company too, and WHO is no longer a name
        ("realtext-check12", "e:evt:leaders-summit-on-climate"), ("realtext-check13", "e:org:world-bank"), ("realtext-check13", "e:org:who"),
        // tests/realtext-check14 (judge19's what-if of this recogniser): the café of an attack is a Person; "the Battle of
        // Al-Aqsa Flood" is read as an armed group's alias
        ("realtext-check14", "e:org:cappuccino-coffee-shop"), ("realtext-check14", "e:evt:al-aqsa-flood"),
        // tests/realtext-check15 (judge20, main 9e229f4): "the companies Carthago, Boxline UCL, Elan and SPAR Slovenija" gives
        // Carthago typed Location, no longer Organization (a regression of the recogniser with word classes)
        ("realtext-check15", "e:org:carthago"),
        // tests/realtext-check13 (branch glue40): "Co-Chair" is a title of titles.tsv, so "OSCE Minsk Group Co-Chairs’ efforts"
        // is read as the office holders (the plural of a title heads it), no body: the co-chairmanship is lost as a node
        ("realtext-check13", "e:org:osce-minsk-group-co-chairs"),        // tests/realtext-check8 (010, branch other42): "Russia's and Belarus's military and industrial sectors" was judged correct as
        // Belarus's armed forces; "military" there is one of two adjectives of "sectors" (the military sector, not the forces),
        // and other42's rule makes no armed force of an adjective coordinated with another before a common noun: the node goes
        ("realtext-check8", "e:org:armed-forces-of-belarus"),
    };

    /// <summary>Document-scoped generic actors judged correct whose only relationship a later rule removed: such an actor
    /// exists only while it takes part in a relationship (issue 10), so it goes with its edge.</summary>
    private static readonly HashSet<string> GoneWithTheirEdge = new(StringComparer.Ordinal)
    {
        "e:org:migrants-d-bed87f86f83e60ab", // its one edge was an arrest whose other end is a place (no one arrests a place: branch edges19)
        // branch edge44: a generic actor whose one edge was the nearest-name fallback's, read from the name in an earlier verb's
        // object ("I condemn the killing of Tetiana Kulyk and call for ... the perpetrators": no Kulyk DEMANDED Perpetrators);
        // a verb opening a coordinated verb phrase shares the earlier verb's subject, so the edge and the node with it are gone
        "e:org:perpetrators-d-aeaef623a3e09937",
        "e:org:children-d-7218dfc681858dca", // realtext-check23: "the regime lashed out against these activists and jailed ... children": no activists ARRESTED Children
        // tests/realtext-check13 (judge18): "calling for ... investment in the health and protection of women and girls" made
        // "UNFPA DEMANDED Girls" (judged wrong in edges-judged-before.tsv), its one edge; the edge is gone since branch
        // edges27 ("girls affected by crises": a reduced relative clause), and the document-scoped actor with it
        "e:org:girls-d-7d9f60a31f852e31",
    };
}
