using KnowledgeGraph.Nlp.Models;

namespace KnowledgeGraph.Nlp.Parsing;

/// <summary>A labelled dependency tree over one sentence: 0-based heads (-1 for the root) and UD relations with subtypes.</summary>
public sealed record DependencyTree(int[] Heads, string[] Deprels)
{
    public int Count => Heads.Length;
}

/// <summary>
/// Arc-hybrid dependency parser, greedy or with a beam of <see cref="Beam"/> configurations (<see cref="BeamSearch"/>), with an averaged-perceptron scorer over hashed features
/// (<see cref="ParseFeatures"/>); non-projective trees through pseudo-projective lifting (<see cref="PseudoProjective"/>).
/// 2n moves for n words, so time is linear in sentence length. Immutable and thread-safe: load it once with
/// <see cref="Load"/> and share it.
/// </summary>
public sealed class DependencyParser
{
    public const string Kind = "parse";
    public const string RootRelation = "root";
    [ThreadStatic] private static ParseFeatures? t_features;
    [ThreadStatic] private static Configuration? t_config;
    [ThreadStatic] private static BeamSearch? t_beam;

    private readonly LinearModel _model;
    private readonly DenseRowModel _scorer;
    private readonly string[] _labels;
    private readonly BeamSearch.Scorer _score;
    private readonly WordClusters? _clusters;

    internal DependencyParser(LinearModel model, string[] labels, string description, int beam = 1, WordClusters? clusters = null)
        : this(model, new DenseRowModel(model, denseFrom: 16), labels, description, beam, clusters) { }

    private DependencyParser(LinearModel model, DenseRowModel scorer, string[] labels, string description, int beam, WordClusters? clusters)
    {
        _clusters = clusters;
        System = CreateSystem(labels);
        if (model.ClassCount != System.MoveCount) throw new InvalidDataException("move count does not match the weights");
        if (beam is < 1 or > MaxBeam) throw new InvalidDataException($"beam width {beam} out of range (1 to {MaxBeam})");
        _model = model; _labels = labels; Description = description; Beam = beam;
        _scorer = scorer;
        _score = scorer.AddScores;
    }

    public const int MaxBeam = 64;

    /// <summary>How many configurations the parser keeps (1: greedy); recorded in the model file, the width it was trained with.</summary>
    public int Beam { get; }

    /// <summary>The same weights decoding with another beam width (a greedy-trained model with a beam, or the reverse).</summary>
    public DependencyParser WithBeam(int beam) => beam == Beam ? this : new DependencyParser(_model, _scorer, _labels, Description, beam, _clusters);

    /// <summary>Training data and settings, from the model file header.</summary>
    public string Description { get; }
    public int FeatureCount => _model.FeatureCount;
    public int WeightCount => _model.WeightCount;
    /// <summary>The feature set the weights were trained with: <see cref="ParseFeatures.FeatureSet"/>, or <see cref="ParseFeatures.ClassFeatureSet"/> when the model has word classes.</summary>
    public int FeatureSet => _clusters is null ? ParseFeatures.FeatureSet : ParseFeatures.ClassFeatureSet;
    /// <summary>The word classes of feature set 4 (stored in the model file), or null.</summary>
    public WordClusters? Clusters => _clusters;
    /// <summary>The relations the parser predicts, lifted ones ("obj|ccomp") included.</summary>
    public IReadOnlyList<string> Labels => _labels;
    internal ArcHybrid System { get; }

    /// <summary>The transition system for a label list: relation-set groups by plain relation, "root" the root label.</summary>
    internal static ArcHybrid CreateSystem(string[] labels)
    {
        var plain = labels.Select(PseudoProjective.Plain).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var groups = labels.Select(l => plain.IndexOf(PseudoProjective.Plain(l)) % 64).ToArray();
        int root = Array.IndexOf(labels, RootRelation);
        if (root < 0) throw new InvalidDataException("no root relation in the label table");
        return new ArcHybrid(groups, root);
    }

    /// <summary>Parses one sentence given its words and Penn tags (one per word).</summary>
    public DependencyTree Parse(IReadOnlyList<string> words, IReadOnlyList<string> tags)
    {
        if (words.Count != tags.Count) throw new ArgumentException("one tag per word is needed", nameof(tags));
        int n = words.Count;
        var features = t_features ??= new ParseFeatures();
        if (Beam > 1) return ParseWithBeam(words, tags, Beam);
        features.Use(_clusters);
        features.Load(words, tags);
        var c = t_config ??= new Configuration();
        c.Reset(n);
        Span<ulong> f = stackalloc ulong[ParseFeatures.MaxFeatures];
        Span<float> scores = stackalloc float[_scorer.Width];
        var system = System;
        while (!c.IsTerminal)
        {
            int move;
            if (c.StackCount == 0) move = ArcHybrid.Shift;
            else if (c.B == n && c.StackCount == 1) move = system.Left(system.RootLabel);
            else
            {
                int nf = features.Extract(c, f);
                scores.Clear();
                _scorer.AddScores(f[..nf], scores);
                move = system.BestValid(c, scores);
            }
            system.Apply(c, move);
        }
        return Decode(c, n);
    }

    /// <summary>Parses with the beam search whatever <see cref="Beam"/> says (a width of 1 makes the greedy choices).</summary>
    internal DependencyTree ParseWithBeam(IReadOnlyList<string> words, IReadOnlyList<string> tags, int width)
    {
        if (words.Count != tags.Count) throw new ArgumentException("one tag per word is needed", nameof(tags));
        var features = t_features ??= new ParseFeatures();
        features.Use(_clusters);
        features.Load(words, tags);
        var beam = t_beam ??= new BeamSearch();
        beam.Decode(System, features, words.Count, width, _score, _scorer.Width);
        return Decode(beam.Best, words.Count);
    }

    internal DependencyTree Decode(Configuration c, int n)
    {
        var heads = new int[n];
        var deprels = new string[n];
        for (int i = 0; i < n; i++)
        {
            heads[i] = c.Head[i] == n ? -1 : c.Head[i];
            deprels[i] = _labels[c.Label[i]];
        }
        PseudoProjective.Lower(heads, deprels);
        return new DependencyTree(heads, deprels);
    }

    /// <summary>
    /// The model file bytes (deterministic: the same model always gives the same bytes). A greedy model is written
    /// as format 3 (so retraining the shipped one gives its bytes); format 4 adds the beam width after the feature set;
    /// a model with word classes (feature set 4) is format 6, which ends with their class-feature version and table.
    /// </summary>
    public byte[] ToBytes() => ModelFile.Build(Kind, Description, w =>
    {
        w.Write(FeatureSet);
        if (Beam > 1 || _clusters is not null) w.Write(Beam);
        ModelFile.WriteStrings(w, _labels);
        _model.Write(w);
        if (_clusters is not null) WordClusters.WriteOptional(w, _clusters, ParseFeatures.ClassFeatureVersion);
    }, version: _clusters is not null ? ModelFile.ClassTableVersion : Beam > 1 ? 4 : 3);

    public void Save(string path) => File.WriteAllBytes(path, ToBytes());

    /// <summary>Loads a parser; a missing or corrupt file raises <see cref="ModelLoadException"/> naming it.</summary>
    public static DependencyParser Load(string path) => ModelFile.Load(path, Kind, Read);

    public static DependencyParser FromBytes(byte[] bytes, string name = "parse model") => ModelFile.Parse(bytes, name, Kind, Read);

    private static DependencyParser Read(BinaryReader r, string description, int version)
    {
        // Format 3 added the feature-set number; older parse models all used feature set 1.
        int featureSet = version >= 3 ? r.ReadInt32() : 1;
        if (featureSet is not (ParseFeatures.FeatureSet or ParseFeatures.ClassFeatureSet))
            throw new NotSupportedException($"parse model uses feature set {featureSet}, this build computes feature sets {ParseFeatures.FeatureSet} and {ParseFeatures.ClassFeatureSet}: retrain it with 'kg train parse'");
        // Format 4 added the beam width; older parse models are greedy.
        int beam = version >= 4 ? r.ReadInt32() : 1;
        if (beam is < 1 or > MaxBeam) throw new InvalidDataException($"beam width {beam} out of range");
        var labels = ModelFile.ReadStrings(r);
        var model = LinearModel.Read(r);
        // Format 5 and later may end with the word classes (refused unless format 6 with this build's class-feature
        // version); feature set 4 needs them, set 2 has none.
        var clusters = WordClusters.ReadOptional(r, version, Kind, ParseFeatures.ClassFeatureVersion);
        if ((clusters is not null) != (featureSet == ParseFeatures.ClassFeatureSet))
            throw new InvalidDataException($"feature set {featureSet} {(clusters is null ? "without" : "with")} a word-class table");
        return new DependencyParser(model, labels, description, beam, clusters);
    }
}
