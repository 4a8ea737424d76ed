namespace KnowledgeGraph.Nlp.Lexicons.Derivation;

/// <summary>One named actor while deriving: display-cased names (first is the canonical candidate) and acronyms.</summary>
internal sealed class ActorRecord
{
    public required string Source { get; init; }
    /// <summary>PETRARCH code or UCDP Org kind; records merge only with the same code family.</summary>
    public required string Code { get; init; }
    /// <summary>Order of preference when merged records pick a canonical name (lower wins).</summary>
    public required int Priority { get; init; }
    public required int Order { get; init; }
    public List<string> Names { get; } = new();
    public List<string> Acronyms { get; } = new();
    public SortedSet<string> FineTypes { get; } = new(StringComparer.Ordinal);
    public string Country { get; set; } = "";
}

/// <summary>A finished gazetteer row: canonical name, aliases and acronyms (sorted, distinct), types, country.</summary>
internal sealed record ActorRow(string Name, string Coarse, IReadOnlyList<string> FineTypes, IReadOnlyList<string> Aliases,
    IReadOnlyList<string> Acronyms, string Country, IReadOnlyList<string> Sources)
{
    public IReadOnlyList<string> ToCells() => new[]
    {
        Name, Coarse, TsvFile.JoinList(FineTypes), TsvFile.JoinList(Aliases), TsvFile.JoinList(Acronyms), Country, TsvFile.JoinList(Sources),
    };

    public static readonly string[] Columns = { "name", "coarse", "fine_types", "aliases", "acronyms", "country", "sources" };
}
