using KnowledgeGraph.Core;

namespace KnowledgeGraph.Graph;

/// <summary>The form in which two names are taken to denote the same entity across documents.</summary>
public static class ResolutionKey
{
    /// <summary>"The U.N." -> "UN"; "Côte d’Ivoire" -> "COTE D'IVOIRE": case, accents, periods, spacing, a leading article and a possessive ignored.</summary>
    public static string Of(string name)
    {
        var s = NameKey.Fold(name);
        if (s.StartsWith("THE ", StringComparison.Ordinal)) s = s[4..];
        if (s.EndsWith("'S", StringComparison.Ordinal)) s = s[..^2];
        return s;
    }

    /// <summary>
    /// A generic actor is its country (or place) plus its CAMEO agent code: "Peruvian police" in one article and
    /// "police in Peru" in another are one node. The key cannot collide with a name's key (it starts with a control character).
    /// </summary>
    public static string? OfAgent(IEnumerable<KeyValuePair<string, string>> attributeList)
    {
        var attributes = attributeList as IReadOnlyDictionary<string, string> ?? attributeList.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        if (!attributes.TryGetValue("agent", out var agent)) return null;
        if (attributes.TryGetValue("country", out var country)) return "\u0001" + agent + "|" + Of(country);
        return attributes.TryGetValue("place", out var place) ? "\u0001" + agent + "|@" + Of(place) : null;
    }

    /// <summary>The node property that names the document of a document-scoped generic actor.</summary>
    public const string DocumentAttribute = "document";

    /// <summary>A generic actor with no country or place ("protesters", "police"): scope = document.</summary>
    public static bool IsDocumentScoped(IEnumerable<KeyValuePair<string, string>> attributes) =>
        attributes.Any(kv => kv.Key == "scope" && kv.Value == "document");

    /// <summary>The key of a document-scoped actor: its document, agent code and name; it cannot meet another document's key.</summary>
    public static string OfScopedAgent(IEnumerable<KeyValuePair<string, string>> attributes, string name, string docId) =>
        "\u0002" + docId + "|" + (attributes.FirstOrDefault(kv => kv.Key == "agent").Value ?? "") + "|" + Of(name);
}
