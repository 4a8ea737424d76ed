using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Entities;

/// <summary>A span a named-entity recogniser found: tokens [First, End) of a sentence with a CoNLL label (PER, ORG, LOC, MISC).</summary>
public readonly record struct NerSpan(int Sentence, int First, int End, string Label);

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
