using System.Text;

namespace KnowledgeGraph.Core.Inputs;

/// <summary>
/// Turns the bytes of one article into text, or says in one phrase why it cannot: UTF-8 (with or without a byte-order
/// mark), UTF-16 and UTF-32 with a byte-order mark; refuses empty text, binary data (NUL characters) and invalid
/// sequences, naming the byte where the problem is.
/// </summary>
public static class TextDecoding
{
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly (byte[] Mark, Encoding Encoding, string Name)[] Marks =
    {
        // UTF-32 LE first: its mark begins with the UTF-16 LE one.
        (new byte[] { 0xFF, 0xFE, 0x00, 0x00 }, new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32"),
        (new byte[] { 0x00, 0x00, 0xFE, 0xFF }, new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), "UTF-32"),
        (new byte[] { 0xEF, 0xBB, 0xBF }, StrictUtf8, "UTF-8"),
        (new byte[] { 0xFF, 0xFE }, new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16"),
        (new byte[] { 0xFE, 0xFF }, new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), "UTF-16"),
    };

    /// <summary>The name of the byte-order mark <paramref name="bytes"/> starts with ("UTF-16", ...), or null.</summary>
    public static string? ByteOrderMark(ReadOnlySpan<byte> bytes)
    {
        foreach (var (mark, _, name) in Marks)
            if (bytes.StartsWith(mark)) return name;
        return null;
    }

    /// <summary>Decodes one article; exactly one of Text and Error is set.</summary>
    public static (string? Text, string? Error) Decode(ReadOnlySpan<byte> bytes)
    {
        Encoding encoding = StrictUtf8;
        string name = "UTF-8";
        int skip = 0;
        foreach (var (mark, enc, n) in Marks)
        {
            if (!bytes.StartsWith(mark)) continue;
            (encoding, name, skip) = (enc, n, mark.Length);
            break;
        }
        var body = bytes[skip..];
        if (skip == 0 && body.IndexOf((byte)0) >= 0)
            return (null, LooksLikeUtf16(body)
                ? "binary file (contains NUL bytes), or UTF-16 text without a byte-order mark: convert it to UTF-8, e.g. iconv -f UTF-16LE -t UTF-8"
                : "binary file (contains NUL bytes), not text");
        string text;
        try { text = encoding.GetString(body); }
        catch (DecoderFallbackException e) { return (null, $"invalid {name} at byte {skip + e.Index}: save the file as UTF-8"); }
        if (text.Contains('\0', StringComparison.Ordinal)) return (null, $"binary file (contains NUL characters in its {name} text), not text");
        if (string.IsNullOrWhiteSpace(text)) return (null, "empty file: no text to read");
        return (text, null);
    }

    /// <summary>Decodes one line of a UTF-8 file (JSON lines); the error names the byte of the line.</summary>
    public static (string? Text, string? Error) DecodeLine(ReadOnlySpan<byte> line)
    {
        if (line.StartsWith(Marks[2].Mark)) line = line[3..];
        if (line.IndexOf((byte)0) >= 0) return (null, "binary data (NUL bytes) in the line");
        try { return (StrictUtf8.GetString(line), null); }
        catch (DecoderFallbackException e) { return (null, $"invalid UTF-8 at byte {e.Index + 1} of the line: save the file as UTF-8"); }
    }

    /// <summary>Zero bytes at most odd (or most even) positions: ASCII-range text stored as UTF-16 without its mark.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> bytes)
    {
        int n = Math.Min(bytes.Length, 4096) & ~1;
        if (n < 8) return false;
        int even = 0, odd = 0;
        for (int i = 0; i < n; i += 2)
        {
            if (bytes[i] == 0) even++;
            if (bytes[i + 1] == 0) odd++;
        }
        int half = n / 2;
        return (odd > half * 9 / 10 && even < half / 10) || (even > half * 9 / 10 && odd < half / 10);
    }
}
