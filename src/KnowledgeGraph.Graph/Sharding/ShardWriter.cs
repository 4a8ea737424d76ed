using KnowledgeGraph.Core.Inputs;

namespace KnowledgeGraph.Graph.Sharding;

/// <summary>
/// Writes one shard: <c>analyses.jsonl.gz</c> (under a <c>.partial</c> name until complete) then <c>shard.json</c>.
/// Records are numbered 0, 1, ... in the part's input order. Not thread-safe.
/// </summary>
public sealed class ShardWriter : IDisposable
{
    private readonly string _directory;
    private readonly string _partial;
    private readonly StreamWriter _text;
    private readonly ShardSpec _shard;
    private readonly ShardProducer _producer;
    private long _records, _documents, _failures;
    private bool _done;

    public ShardWriter(string directory, ShardSpec shard, ShardProducer producer)
    {
        Directory.CreateDirectory(directory);
        _directory = directory;
        _shard = shard;
        _producer = producer;
        // A manifest left from an earlier run would make a half-written shard look finished.
        File.Delete(Path.Combine(directory, ShardManifest.FileName));
        _partial = Path.Combine(directory, AnalysesFile.FileName + ".partial");
        _text = AnalysesFile.OpenWrite(_partial);
        Line(w => AnalysesFile.WriteHeader(w, shard, producer));
    }

    public string AnalysesPath => Path.Combine(_directory, AnalysesFile.FileName);

    public void AddDocument(long item, GraphDocument document)
    {
        Check(item);
        Line(w => AnalysesFile.WriteDocument(w, item, document));
        _documents++;
    }

    public void AddFailure(long item, string origin, string reason)
    {
        Check(item);
        Line(w => AnalysesFile.WriteFailure(w, item, origin, reason));
        _failures++;
    }

    /// <summary>Ends the analyses file, renames it into place and writes the manifest that marks the shard finished.</summary>
    public ShardManifest Complete(InputPlan input)
    {
        Line(w => AnalysesFile.WriteFooter(w, _records));
        _text.Dispose();
        _done = true;
        File.Move(_partial, AnalysesPath, overwrite: true);
        var manifest = new ShardManifest(_shard, _producer, input.TotalBytes, input.Fingerprint(), _records, _documents, _failures,
            ShardManifest.FileSha256(AnalysesPath));
        manifest.Write(_directory);
        return manifest;
    }

    private void Check(long item)
    {
        if (item != _records) throw new ArgumentException($"item {item} where item {_records} belongs: add the part's records in input order");
        _records++;
    }

    /// <summary>One JSON value per line, each with its own writer (a JSON writer holds one top-level value).</summary>
    private void Line(Action<Newtonsoft.Json.JsonWriter> write)
    {
        using (var w = AnalysesFile.JsonWriter(_text)) { write(w); w.Flush(); }
        _text.Write('\n');
    }

    public void Dispose()
    {
        if (_done) return;
        _done = true;
        _text.Dispose();
    }
}
