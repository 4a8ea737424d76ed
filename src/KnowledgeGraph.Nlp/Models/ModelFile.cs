using System.Text;
using KnowledgeGraph.Core;

namespace KnowledgeGraph.Nlp.Models;

/// <summary>
/// The container every shipped model uses:
/// <c>"KGNLPMDL"</c> magic, int32 format version, model kind ("pos", "ner"), a description of the training data
/// and settings, the model's own payload, and a trailing 64-bit FNV-1a checksum of everything before it.
/// Little-endian throughout (BinaryWriter). A file that fails any check raises <see cref="ModelLoadException"/>.
/// </summary>
public static class ModelFile
{
    // 2: POS payload may hold a second (right-context) pass; 3: the parse payload starts with its feature-set number;
    // 4: a beam parser's payload has its beam width after the feature set (greedy parsers are still written as 3);
    // 5: a model may end its payload with a word-cluster table (WordClusters.WriteOptional; models without one keep
    // their earlier version); 6: the table starts with the class-feature version of the model kind (which class
    // templates the weights were trained on), checked on load. A format-5 file with a table is refused (no version),
    // one without loads as before. 6 and not a field inside format 5, because builds that read format 5 take the
    // bytes after the table flag for the table's description: they refuse a format-6 file with one line instead of
    // misreading the version number.
    public const int FormatVersion = 6;
    /// <summary>The format a model with a word-class table is written as (<see cref="WordClusters.WriteOptional"/>).</summary>
    public const int ClassTableVersion = 6;
    // The POS and NER payloads have not changed since version 2: they are still written as 2, so retraining them
    // gives the shipped files byte for byte.
    private const int UnchangedPayloadVersion = 2;
    private static readonly byte[] Magic = "KGNLPMDL"u8.ToArray();

    /// <summary>Serialises a model: header, then whatever <paramref name="payload"/> writes, then the checksum.</summary>
    public static byte[] Build(string kind, string description, Action<BinaryWriter> payload, int version = UnchangedPayloadVersion)
    {
        if (version < 1 || version > FormatVersion) throw new ArgumentOutOfRangeException(nameof(version));
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(version);
            w.Write(kind);
            w.Write(description);
            payload(w);
            w.Flush();
            var sum = Checksum(ms.GetBuffer().AsSpan(0, (int)ms.Length));
            w.Write(sum);
        }
        return ms.ToArray();
    }

    /// <summary>Reads and checks a model file, then hands its payload to <paramref name="read"/>.</summary>
    public static T Load<T>(string path, string kind, Func<BinaryReader, string, T> read) => Load(path, kind, (r, d, _) => read(r, d));

    /// <summary>Like <see cref="Load{T}(string, string, Func{BinaryReader, string, T})"/>, also handing the file's format version to <paramref name="read"/>.</summary>
    public static T Load<T>(string path, string kind, Func<BinaryReader, string, int, T> read)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (FileNotFoundException) { throw new ModelLoadException(path, $"{kind} model file not found"); }
        catch (DirectoryNotFoundException) { throw new ModelLoadException(path, $"{kind} model file not found (no such folder)"); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { throw new ModelLoadException(path, $"cannot read {kind} model: {e.Message}"); }
        return Parse(bytes, path, kind, read);
    }

    /// <summary>Like <see cref="Load{T}"/> but from bytes already in memory; <paramref name="name"/> names them in errors.</summary>
    public static T Parse<T>(byte[] bytes, string name, string kind, Func<BinaryReader, string, T> read) => Parse(bytes, name, kind, (r, d, _) => read(r, d));

    /// <summary>Like <see cref="Parse{T}(byte[], string, string, Func{BinaryReader, string, T})"/>, also handing the file's format version to <paramref name="read"/>.</summary>
    public static T Parse<T>(byte[] bytes, string name, string kind, Func<BinaryReader, string, int, T> read)
    {
        if (bytes.Length < Magic.Length + 4 + 8 || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new ModelLoadException(name, "not a KnowledgeGraph model file (bad magic number)");
        var stored = BitConverter.ToUInt64(bytes, bytes.Length - 8);
        if (stored != Checksum(bytes.AsSpan(0, bytes.Length - 8)))
            throw new ModelLoadException(name, "model file is corrupt (checksum mismatch); reinstall it or retrain with 'kg train'");
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, 0, bytes.Length - 8, writable: false), Encoding.UTF8);
            r.ReadBytes(Magic.Length);
            var version = r.ReadInt32();
            // version 1 payloads are version 2 payloads without the optional second POS pass
            if (version < 1 || version > FormatVersion)
                throw new ModelLoadException(name, $"model format version {version} is not supported (this build reads versions 1 to {FormatVersion})");
            var fileKind = r.ReadString();
            if (fileKind != kind) throw new ModelLoadException(name, $"expected a {kind} model, found a {fileKind} model");
            var description = r.ReadString();
            var model = read(r, description, version);
            if (r.BaseStream.Position != r.BaseStream.Length) throw new InvalidDataException("trailing bytes after payload");
            return model;
        }
        catch (NotSupportedException e) { throw new ModelLoadException(name, e.Message); }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or ArgumentException or FormatException or OverflowException or IndexOutOfRangeException)
        {
            throw new ModelLoadException(name, $"model file is corrupt ({e.Message})");
        }
    }

    private static ulong Checksum(ReadOnlySpan<byte> data)
    {
        ulong h = 14695981039346656037UL;
        foreach (var b in data) { h ^= b; h *= 1099511628211UL; }
        return h;
    }

    /// <summary>Writes a string array (count then items).</summary>
    public static void WriteStrings(BinaryWriter w, IReadOnlyList<string> items)
    {
        w.Write(items.Count);
        foreach (var s in items) w.Write(s);
    }

    public static string[] ReadStrings(BinaryReader r)
    {
        int n = r.ReadInt32();
        if (n < 0 || n > 10_000_000) throw new InvalidDataException("implausible string count");
        var a = new string[n];
        for (int i = 0; i < n; i++) a[i] = r.ReadString();
        return a;
    }
}
