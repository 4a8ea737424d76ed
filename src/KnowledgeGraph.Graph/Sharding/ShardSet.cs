using System.Globalization;
using KnowledgeGraph.Core;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Graph.Sharding;

/// <summary>
/// A complete set of shards of one input, checked before anything is read: each of 1/n .. n/n exactly once, all made
/// by the same kg build with the same models, lexicons, ontology and options, all having planned the same input.
/// <see cref="Records"/> then yields every record in the single build's input order: shard 1's, then shard 2's, ...
/// </summary>
public sealed class ShardSet
{
    private readonly (string Directory, ShardManifest Manifest)[] _shards;

    private ShardSet((string, ShardManifest)[] shards) { _shards = shards; }

    /// <summary>Shard count n.</summary>
    public int Count => _shards.Length;
    public long InputItems => _shards.Sum(s => s.Manifest.Records);
    public long Documents => _shards.Sum(s => s.Manifest.Documents);
    public long Failures => _shards.Sum(s => s.Manifest.Failures);
    public ShardProducer Producer => _shards[0].Manifest.Producer;

    /// <summary>Reads every manifest and refuses, with one line saying why, a set that is not exactly one whole input.</summary>
    public static ShardSet Open(IReadOnlyList<string> directories)
    {
        if (directories.Count == 0) throw new UserErrorException("give the shard folders to merge");
        var read = directories.Select(d => (Directory: d, Manifest: ShardManifest.Read(d))).ToList();
        var first = read[0];
        int n = first.Manifest.Shard.Count;
        foreach (var s in read.Skip(1))
        {
            var m = s.Manifest;
            if (m.Shard.Count != n)
                throw new UserErrorException($"shards of different partitions: {first.Directory} is shard {first.Manifest.Shard}, {s.Directory} is shard {m.Shard}");
            if (m.Producer.Kg != first.Manifest.Producer.Kg || m.Producer.Build != first.Manifest.Producer.Build)
                throw new UserErrorException($"shards made by different versions of kg: {first.Directory} by kg {first.Manifest.Producer.Kg} (build {first.Manifest.Producer.Build}), {s.Directory} by kg {m.Producer.Kg} (build {m.Producer.Build}); rebuild them with one kg");
            if (m.Producer.Pipeline != first.Manifest.Producer.Pipeline || m.Producer.Schema != first.Manifest.Producer.Schema)
                throw new UserErrorException($"shards made with different models, lexicons, ontology or options: {first.Directory} (pipeline {first.Manifest.Producer.Pipeline}), {s.Directory} (pipeline {m.Producer.Pipeline}); rebuild them with the same --resources, --schema and --max-article-mb");
            if (m.InputBytes != first.Manifest.InputBytes || m.InputFingerprint != first.Manifest.InputFingerprint)
                throw new UserErrorException(string.Create(CultureInfo.InvariantCulture,
                    $"shards of different inputs: {first.Directory} read {first.Manifest.InputBytes} bytes of input (fingerprint {first.Manifest.InputFingerprint}), {s.Directory} read {m.InputBytes} (fingerprint {m.InputFingerprint}); give every shard the same inputs in the same order"));
        }
        var byIndex = new (string, ShardManifest)?[n + 1];
        foreach (var s in read)
        {
            var i = s.Manifest.Shard.Index;
            if (byIndex[i] is { } seen)
                throw new UserErrorException($"overlapping shards: shard {s.Manifest.Shard} given twice ({seen.Item1} and {s.Directory})");
            byIndex[i] = s;
        }
        var missing = Enumerable.Range(1, n).Where(i => byIndex[i] is null).ToList();
        if (missing.Count > 0)
            throw new UserErrorException($"incomplete shard set: {read.Count} of {n} shards given; missing {string.Join(", ", missing.Select(i => $"{i}/{n}"))}");
        foreach (var s in read)
        {
            if (s.Manifest.Records != s.Manifest.Documents + s.Manifest.Failures)
                throw new UserErrorException(string.Create(CultureInfo.InvariantCulture,
                    $"{s.Directory}: shard {s.Manifest.Shard} holds {s.Manifest.Records} records but {s.Manifest.Documents} documents and {s.Manifest.Failures} failures"));
            var analyses = Path.Combine(s.Directory, AnalysesFile.FileName);
            if (!File.Exists(analyses)) throw new UserErrorException($"{s.Directory}: {AnalysesFile.FileName} is missing");
            if (ShardManifest.FileSha256(analyses) != s.Manifest.AnalysesSha256)
                throw new UserErrorException($"{analyses}: does not match its shard.json (changed or damaged after the shard finished)");
        }
        return new ShardSet(Enumerable.Range(1, n).Select(i => byIndex[i]!.Value).ToArray());
    }

    /// <summary>Refuses to merge with another ontology than the shards were analysed with.</summary>
    public void CheckSchema(string schemaPath)
    {
        if (ShardProducer.FileId(schemaPath) != Producer.Schema)
            throw new UserErrorException($"{schemaPath} is not the ontology the shards were built with (schema {Producer.Schema}); give that file with --schema");
    }

    /// <summary>Refuses to merge with other lexicons than the shards' joins were to read (the merge's <c>--resources</c>).</summary>
    public void CheckLexicons(GraphLexicons lexicons)
    {
        if (Producer.Lexicons is { } built && built != lexicons.Fingerprint)
            throw new UserErrorException($"{lexicons.Directory} does not hold the lexicons the shards were built with (lexicons {built}, these {lexicons.Fingerprint}); give the shards' resource folder with --resources");
    }

    /// <summary>
    /// Every record of every shard in input order: shard 1's part comes first in the input, then shard 2's, ... Records
    /// are read one at a time from one file at a time.
    /// </summary>
    public IEnumerable<ShardRecord> Records() => Enumerable.Range(1, Count).SelectMany(RecordsOf);

    /// <summary>The records of shard <paramref name="index"/> of n, in its part's input order, checked as they are read.</summary>
    public IEnumerable<ShardRecord> RecordsOf(int index)
    {
        var (directory, manifest) = _shards[index - 1];
        using var reader = new ShardReader(directory, manifest);
        for (long item = 0; item < manifest.Records; item++) yield return reader.Next(item);
        reader.End();
    }

    private sealed class ShardReader : IDisposable
    {
        private readonly string _path;
        private readonly ShardManifest _manifest;
        private readonly StreamReader _reader;
        private long _records;

        public ShardReader(string directory, ShardManifest manifest)
        {
            _path = Path.Combine(directory, AnalysesFile.FileName);
            _manifest = manifest;
            _reader = AnalysesFile.OpenRead(_path);
            var header = Read() ?? throw Bad("empty file");
            if ((string?)header["format"] != AnalysesFile.Format || (int?)header["version"] != AnalysesFile.Version)
                throw Bad($"not a {AnalysesFile.Format} version {AnalysesFile.Version} file");
            if ((string?)header["shard"] != manifest.Shard.ToString() || (string?)header["build"] != manifest.Producer.Build
                || (string?)header["pipeline"] != manifest.Producer.Pipeline)
                throw Bad("its header does not match shard.json");
        }

        public ShardRecord Next(long item)
        {
            var o = Read() ?? throw Bad(string.Create(CultureInfo.InvariantCulture, $"ends before item {item}"));
            ShardRecord r;
            try { r = AnalysesFile.ReadRecord(o); }
            catch (Exception e) when (e is FormatException or InvalidCastException or NullReferenceException or ArgumentException or IndexOutOfRangeException)
            {
                throw Bad(string.Create(CultureInfo.InvariantCulture, $"record for item {item} is malformed: {e.Message}"));
            }
            if (r.Item != item) throw Bad(string.Create(CultureInfo.InvariantCulture, $"holds item {r.Item} where item {item} belongs"));
            _records++;
            return r;
        }

        public void End()
        {
            var footer = Read();
            if (footer is null || (bool?)footer["end"] != true || (long?)footer["records"] != _records || _records != _manifest.Records)
                throw Bad("its end does not match its records (cut short or extended)");
        }

        private JObject? Read()
        {
            string? line;
            try { line = _reader.ReadLine(); }
            catch (InvalidDataException e) { throw Bad("damaged gzip data: " + e.Message); }
            if (line is null) return null;
            try { return AnalysesFile.ParseLine(line); }
            catch (JsonException e) { throw Bad("a line is not JSON: " + e.Message); }
        }

        private UserErrorException Bad(string why) => new($"{_path}: {why}");

        public void Dispose() => _reader.Dispose();
    }
}
