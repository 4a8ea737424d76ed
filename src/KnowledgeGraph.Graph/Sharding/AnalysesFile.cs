using System.Globalization;
using System.IO.Compression;
using System.Text;
using KnowledgeGraph.Core;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace KnowledgeGraph.Graph.Sharding;

/// <summary>One record of a shard's analyses: a document's <see cref="GraphDocument"/>, or an input that failed.</summary>
/// <param name="Item">0-based position of the input item in its shard's part of the input.</param>
public abstract record ShardRecord(long Item);

public sealed record DocumentRecord(long Item, GraphDocument Document) : ShardRecord(Item);

public sealed record FailureRecord(long Item, string Origin, string Reason) : ShardRecord(Item);

/// <summary>
/// <c>analyses.jsonl.gz</c>, format <c>kg-analyses</c> version 2 (docs/scaling.md): gzip-compressed JSON lines,
/// every non-ASCII character escaped so any string (even an unpaired surrogate) comes back exactly.
/// <list type="number">
/// <item>header: <c>{"format":"kg-analyses","version":2,"shard":"2/4","partition":"byte-range","kg":..,"build":..,"pipeline":..,"schema":..,"lexicons":..}</c></item>
/// <item>per input item of the shard's part, in input order, k = 0, 1, ...: <c>{"item":k,"doc":{id,title?,source?,date?,characters,words},"entities":[{name,type,
/// fine,aliases,mentions,attributes,evidence?}],"evidence":[distinct sentences],"relations":[{s,o,type,category,evidence (index),start,
/// end,trigger,confidence,date?,negated?,modality?,attributed_to?}]}</c> or <c>{"item":k,"failed":origin,"reason":..}</c></item>
/// <item>footer: <c>{"end":true,"records":m}</c> (a file without it was cut short)</item>
/// </list>
/// Doubles are written in round-trip form, so confidences combine to the same bits as in a single build.
/// </summary>
public static class AnalysesFile
{
    public const string FileName = "analyses.jsonl.gz";
    public const string Format = "kg-analyses";
    public const int Version = 2;

    internal static JsonTextWriter JsonWriter(TextWriter w) => new(w)
    {
        CloseOutput = false,
        Formatting = Formatting.None,
        Culture = CultureInfo.InvariantCulture,
        StringEscapeHandling = StringEscapeHandling.EscapeNonAscii,
        FloatFormatHandling = FloatFormatHandling.String,
    };

    internal static JObject ParseLine(string line)
    {
        using var reader = new JsonTextReader(new StringReader(line))
        {
            DateParseHandling = DateParseHandling.None,
            FloatParseHandling = FloatParseHandling.Double,
            Culture = CultureInfo.InvariantCulture,
        };
        return JObject.Load(reader);
    }

    internal static void WriteHeader(JsonWriter w, ShardSpec shard, ShardProducer producer)
    {
        w.WriteStartObject();
        WriteIdentity(w, Format, Version, shard, producer);
        w.WriteEndObject();
    }

    /// <summary>The fields the analyses header and shard.json share: format, version, shard, partition, producer.</summary>
    internal static void WriteIdentity(JsonWriter w, string format, int version, ShardSpec shard, ShardProducer producer)
    {
        w.WritePropertyName("format"); w.WriteValue(format);
        w.WritePropertyName("version"); w.WriteValue(version);
        w.WritePropertyName("shard"); w.WriteValue(shard.ToString());
        w.WritePropertyName("partition"); w.WriteValue(ShardSpec.Partition);
        w.WritePropertyName("kg"); w.WriteValue(producer.Kg);
        w.WritePropertyName("build"); w.WriteValue(producer.Build);
        w.WritePropertyName("pipeline"); w.WriteValue(producer.Pipeline);
        w.WritePropertyName("schema"); w.WriteValue(producer.Schema);
        if (producer.Lexicons is not null) { w.WritePropertyName("lexicons"); w.WriteValue(producer.Lexicons); }
    }

    internal static void WriteDocument(JsonWriter w, long item, GraphDocument d)
    {
        w.WriteStartObject();
        w.WritePropertyName("item"); w.WriteValue(item);
        w.WritePropertyName("doc");
        w.WriteStartObject();
        w.WritePropertyName("id"); w.WriteValue(d.Id);
        Optional(w, "title", d.Title);
        Optional(w, "source", d.Source);
        Optional(w, "date", d.Date);
        w.WritePropertyName("characters"); w.WriteValue(d.Characters);
        w.WritePropertyName("words"); w.WriteValue(d.Words);
        w.WriteEndObject();

        w.WritePropertyName("entities");
        w.WriteStartArray();
        foreach (var e in d.Entities)
        {
            w.WriteStartObject();
            w.WritePropertyName("name"); w.WriteValue(e.Name);
            w.WritePropertyName("type"); w.WriteValue(e.Type.ToString());
            w.WritePropertyName("fine"); Strings(w, e.FineTypes);
            w.WritePropertyName("aliases"); Strings(w, e.Aliases);
            w.WritePropertyName("mentions"); w.WriteValue(e.Mentions);
            w.WritePropertyName("attributes");
            w.WriteStartObject();
            foreach (var (k, v) in e.Attributes) { w.WritePropertyName(k); w.WriteValue(v); }
            w.WriteEndObject();
            if (e.Evidence is { } ev) WriteEvidence(w, ev);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        // Several relations of one sentence share its text: stored once per document (and so once in memory on merge).
        var sentences = new List<string>();
        var sentenceIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var r in d.Relations)
            if (sentenceIndex.TryAdd(r.Evidence, sentences.Count)) sentences.Add(r.Evidence);
        w.WritePropertyName("evidence"); Strings(w, sentences);

        w.WritePropertyName("relations");
        w.WriteStartArray();
        foreach (var r in d.Relations)
        {
            w.WriteStartObject();
            w.WritePropertyName("s"); w.WriteValue(r.Subject);
            w.WritePropertyName("o"); w.WriteValue(r.Object);
            w.WritePropertyName("type"); w.WriteValue(r.Type);
            w.WritePropertyName("category"); w.WriteValue(r.Category);
            w.WritePropertyName("evidence"); w.WriteValue(sentenceIndex[r.Evidence]);
            w.WritePropertyName("start"); w.WriteValue(r.EvidenceStart);
            w.WritePropertyName("end"); w.WriteValue(r.EvidenceEnd);
            w.WritePropertyName("trigger"); w.WriteValue(r.Trigger);
            w.WritePropertyName("confidence"); w.WriteValue(r.Confidence);
            Optional(w, "date", r.Date);
            if (r.Negated) { w.WritePropertyName("negated"); w.WriteValue(true); }
            Optional(w, "modality", r.Modality);
            Optional(w, "attributed_to", r.AttributedTo);
            Optional(w, "cameo", r.Cameo);
            Optional(w, "mode", r.Mode);
            Optional(w, "context", r.EventContext);
            if (r.Doubted) { w.WritePropertyName("doubted"); w.WriteValue(true); }
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    internal static void WriteFailure(JsonWriter w, long item, string origin, string reason)
    {
        w.WriteStartObject();
        w.WritePropertyName("item"); w.WriteValue(item);
        w.WritePropertyName("failed"); w.WriteValue(origin);
        w.WritePropertyName("reason"); w.WriteValue(reason);
        w.WriteEndObject();
    }

    internal static void WriteFooter(JsonWriter w, long records)
    {
        w.WriteStartObject();
        w.WritePropertyName("end"); w.WriteValue(true);
        w.WritePropertyName("records"); w.WriteValue(records);
        w.WriteEndObject();
    }

    /// <summary>An entity's evidence: the flags that hold, and the recogniser's margin when it found the entity.</summary>
    private static void WriteEvidence(JsonWriter w, EntityEvidence ev)
    {
        w.WritePropertyName("evidence");
        w.WriteStartObject();
        void Flag(string name, bool value) { if (value) { w.WritePropertyName(name); w.WriteValue(true); } }
        Flag("gazetteer", ev.Gazetteer);
        Flag("rule", ev.Rule);
        Flag("recogniser_only", ev.RecogniserOnly);
        Flag("canonical", ev.Canonical);
        Flag("sentence_initial", ev.AllSentenceInitial);
        Flag("first_sentence", ev.OnlyInFirstSentence);
        Flag("recogniser_other_type", ev.RecogniserOtherType);
        if (!float.IsNaN(ev.Margin)) { w.WritePropertyName("margin"); w.WriteValue(ev.Margin); }
        if (ev.Context is { } cx)
        {
            w.WritePropertyName("context");
            w.WriteStartArray();
            foreach (var n in new[] { cx.Names, cx.Opening, cx.Headline, cx.TitleLine, cx.ListItem, cx.Dateline, cx.Citation, cx.Unpunctuated, cx.MarginCount })
                w.WriteValue(n);
            w.WriteValue(cx.MarginSum);
            w.WriteEndArray();
            w.WritePropertyName("context_keys"); Strings(w, cx.Keys);
        }
        w.WriteEndObject();
    }

    /// <summary>The context of an entity's mentions: nine counts, then the margins' sum (<see cref="WriteEvidence"/>).</summary>
    private static MentionContext? ReadContext(JObject o)
    {
        if (o["context"] is not JArray a) return null;
        if (a.Count != 10) throw new FormatException("an entity's evidence context has not ten numbers");
        int I(int i) => (int)a[i];
        return new MentionContext(I(0), I(1), I(2), I(3), I(4), I(5), I(6), I(7), (float)a[9], I(8), StringList(o["context_keys"]));
    }

    private static EntityEvidence? ReadEvidence(JObject? o) => o is null ? null : new EntityEvidence(
        (bool?)o["gazetteer"] ?? false, (bool?)o["rule"] ?? false, (bool?)o["recogniser_only"] ?? false, (bool?)o["canonical"] ?? false,
        (float?)o["margin"] ?? float.NaN, (bool?)o["sentence_initial"] ?? false, (bool?)o["first_sentence"] ?? false,
        (bool?)o["recogniser_other_type"] ?? false) { Context = ReadContext(o) };

    /// <summary>Reads one record line; throws <see cref="FormatException"/> naming what is wrong.</summary>
    internal static ShardRecord ReadRecord(JObject o)
    {
        long item = (long?)o["item"] ?? throw new FormatException("a record has no item number");
        if (o["failed"] is not null) return new FailureRecord(item, (string)o["failed"]!, (string?)o["reason"] ?? "");
        var doc = o["doc"] as JObject ?? throw new FormatException($"record {item} is neither a document nor a failure");
        var entities = ((JArray)o["entities"]!).Select(t => (JObject)t).Select(e => new GraphDocumentEntity(
            (string)e["name"]!,
            Enum.Parse<EntityType>((string)e["type"]!),
            StringList(e["fine"]),
            StringList(e["aliases"]),
            (int)e["mentions"]!,
            ((JObject)e["attributes"]!).Properties().Select(p => new KeyValuePair<string, string>(p.Name, (string)p.Value!)).ToList())
            { Evidence = ReadEvidence(e["evidence"] as JObject) }).ToList();
        var sentences = StringList(o["evidence"]);
        var relations = ((JArray)o["relations"]!).Select(t => (JObject)t).Select(r => new GraphDocumentRelation(
            (int)r["s"]!, (int)r["o"]!, (string)r["type"]!, (string)r["category"]!,
            sentences[(int)r["evidence"]!], (int)r["start"]!, (int)r["end"]!, (string)r["trigger"]!,
            (double)r["confidence"]!, (string?)r["date"], (bool?)r["negated"] ?? false, (string?)r["modality"],
            (string?)r["attributed_to"], (string?)r["cameo"], (string?)r["mode"], (string?)r["context"], (bool?)r["doubted"] ?? false)).ToList();
        foreach (var r in relations)
            if (r.Subject < 0 || r.Subject >= entities.Count || r.Object < 0 || r.Object >= entities.Count)
                throw new FormatException($"record {item}: a relation refers to an entity that is not there");
        return new DocumentRecord(item, new GraphDocument((string)doc["id"]!, (string?)doc["title"], (string?)doc["source"],
            (string?)doc["date"], (long)doc["characters"]!, (long)doc["words"]!, entities, relations));
    }

    private static List<string> StringList(JToken? t) => t is JArray a ? a.Select(x => (string)x!).ToList() : new List<string>();

    private static void Strings(JsonWriter w, IEnumerable<string> values)
    {
        w.WriteStartArray();
        foreach (var v in values) w.WriteValue(v);
        w.WriteEndArray();
    }

    private static void Optional(JsonWriter w, string name, string? value)
    {
        if (value is null) return;
        w.WritePropertyName(name);
        w.WriteValue(value);
    }

    internal static StreamWriter OpenWrite(string path) =>
        new(new GZipStream(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16), CompressionLevel.Fastest),
            new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };

    internal static StreamReader OpenRead(string path) =>
        new(new GZipStream(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), CompressionMode.Decompress),
            new UTF8Encoding(false, true), false, 1 << 16);
}
