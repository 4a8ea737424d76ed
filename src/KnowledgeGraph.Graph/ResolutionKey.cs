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
}
