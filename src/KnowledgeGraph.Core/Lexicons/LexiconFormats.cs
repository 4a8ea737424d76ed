namespace KnowledgeGraph.Core.Lexicons;

/// <summary>
/// The columns of the lexicons that both the pipeline (KnowledgeGraph.Nlp) and the graph's joins (KnowledgeGraph.Graph)
/// read, and the agent codes of those who serve a state: one definition, so the two readers cannot drift apart.
/// </summary>
public static class LexiconFormats
{
    /// <summary>countries.tsv (derived from mledoze/countries); "independent" is mledoze's flag, "yes" or "no" (Hong Kong,
    /// Puerto Rico, Greenland, and also Taiwan, Palestine and Western Sahara: "no"; Kosovo, with no flag, is written "no").</summary>
    public static readonly string[] CountryColumns = { "cca3", "name", "official", "alternatives", "demonyms", "capitals", "independent" };

    /// <summary>us_states.tsv.</summary>
    public static readonly string[] UsStateColumns = { "name", "postal", "ap_abbreviation" };

    /// <summary>agents.tsv (derived from PETRARCH/Phoenix agents).</summary>
    public static readonly string[] AgentColumns = { "form", "lemma", "code", "primary" };

    /// <summary>titles.tsv.</summary>
    public static readonly string[] TitleColumns = { "form", "role", "person", "usage" };

    /// <summary>agents.tsv's primary codes of those who serve the state (PETRARCH/Phoenix): government, military, police,
    /// judiciary, intelligence, legislature.</summary>
    public static readonly IReadOnlySet<string> StateAgentCodes =
        new HashSet<string>(StringComparer.Ordinal) { "GOV", "MIL", "COP", "JUD", "SPY", "LEG" };
}
