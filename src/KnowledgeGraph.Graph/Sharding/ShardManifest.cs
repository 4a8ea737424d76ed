using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using KnowledgeGraph.Core;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Graph.Sharding;

/// <summary>
/// <c>shard.json</c>, written last (atomically) when a shard finished: its presence means the analyses file is
/// complete. Everything the merge checks before it reads a record is here.
/// </summary>
public sealed record ShardManifest(
    ShardSpec Shard,
    ShardProducer Producer,
    long InputBytes,
    string InputFingerprint,
    long Records,
    long Documents,
    long Failures,
    string AnalysesSha256)
{
    public const string FileName = "shard.json";
    public const string Format = "kg-shard";
    public const int Version = 2;

    public void Write(string directory)
    {
        var path = Path.Combine(directory, FileName);
        var tmp = path + ".partial";
        using (var text = new StreamWriter(tmp, false, new UTF8Encoding(false)) { NewLine = "\n" })
        using (var w = new JsonTextWriter(text) { Formatting = Formatting.Indented, Culture = CultureInfo.InvariantCulture, StringEscapeHandling = StringEscapeHandling.EscapeNonAscii })
        {
            w.WriteStartObject();
            AnalysesFile.WriteIdentity(w, Format, Version, Shard, Producer);
            w.WritePropertyName("input_bytes"); w.WriteValue(InputBytes);
            w.WritePropertyName("input_fingerprint"); w.WriteValue(InputFingerprint);
            w.WritePropertyName("part_start"); w.WriteValue(Shard.Part.Start(InputBytes));
            w.WritePropertyName("part_end"); w.WriteValue(Math.Min(Shard.Part.End(InputBytes), InputBytes));
            w.WritePropertyName("records"); w.WriteValue(Records);
            w.WritePropertyName("documents"); w.WriteValue(Documents);
            w.WritePropertyName("failures"); w.WriteValue(Failures);
            w.WritePropertyName("analyses"); w.WriteValue(AnalysesFile.FileName);
            w.WritePropertyName("analyses_sha256"); w.WriteValue(AnalysesSha256);
            w.WriteEndObject();
            text.WriteLine();
        }
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Reads a shard folder's manifest; a folder without one is a shard that did not finish.</summary>
    public static ShardManifest Read(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
            throw new UserErrorException(File.Exists(Path.Combine(directory, AnalysesFile.FileName + ".partial")) || Directory.Exists(directory)
                ? $"{directory}: no {FileName}: not a finished shard (made by 'kg build --shard i/n --out {directory}'; was it interrupted?)"
                : $"{directory}: no such shard folder");
        JObject o;
        try { o = AnalysesFile.ParseLine(File.ReadAllText(path)); }
        catch (JsonException e) { throw new UserErrorException($"{path}: not a shard manifest ({e.Message})"); }
        if ((string?)o["format"] != Format)
            throw new UserErrorException($"{path}: not a kg shard manifest (format '{(string?)o["format"]}')");
        if ((int?)o["version"] != Version)
            throw new UserErrorException($"{path}: shard format version {(int?)o["version"]}; this kg reads version {Version}: rebuild the shard with this kg");
        if ((string?)o["partition"] != ShardSpec.Partition)
            throw new UserErrorException($"{path}: partition '{(string?)o["partition"]}'; this kg merges '{ShardSpec.Partition}' shards");
        try
        {
            return new ShardManifest(ShardSpec.Parse((string)o["shard"]!),
                new ShardProducer((string)o["kg"]!, (string)o["build"]!, (string)o["pipeline"]!, (string)o["schema"]!, (string?)o["lexicons"]),
                (long)o["input_bytes"]!, (string)o["input_fingerprint"]!, (long)o["records"]!, (long)o["documents"]!,
                (long)o["failures"]!, (string)o["analyses_sha256"]!);
        }
        catch (Exception e) when (e is ArgumentException or InvalidCastException or NullReferenceException or FormatException)
        {
            throw new UserErrorException($"{path}: incomplete shard manifest ({e.Message})");
        }
    }

    internal static string FileSha256(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }
}
