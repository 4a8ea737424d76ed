using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>A span a named-entity recogniser found: tokens [First, End) of a sentence with a CoNLL label (PER, ORG, LOC, MISC).</summary>
/// <param name="Margin">How much the recogniser's best tagging outscores the best one without this span (0 = a tie; NaN = not known).</param>
public readonly record struct NerSpan(int Sentence, int First, int End, string Label, float Margin = float.NaN);

/// <summary>A possible entity mention over tokens of one sentence, before overlapping candidates are settled.</summary>
internal sealed record Candidate(
    int Sentence,
    int First,
    int End,
    EntityType Type,
    string? FineType,
    MentionKind Kind,
    string Source,
    int Priority,
    string? Canonical = null,
    string? Role = null,
    int CharStart = -1,
    int CharEnd = -1)
{
    public int Length => End - First;
}
