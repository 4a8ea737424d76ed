namespace KnowledgeGraph.Core.Inputs;

/// <summary>One line as bytes, without its line break. Valid until the next <see cref="ByteLineReader.Read"/>.</summary>
/// <param name="Start">Byte offset of the line's first byte in the stream.</param>
public readonly record struct ByteLine(byte[] Buffer, int Length, long TotalBytes, int Number, long Start = 0)
{
    /// <summary>The line was longer than the reader's limit: only its length is known, its bytes were skipped.</summary>
    public bool TooLong => TotalBytes > Length;
    public ReadOnlySpan<byte> Bytes => Buffer.AsSpan(0, Length);
}

/// <summary>
/// Splits a stream into lines on '\n' (a '\r' before it is dropped) before any decoding, so one bad byte costs only its
/// own line and every line keeps its true number. A line longer than the limit is skipped to its end without being
/// held in memory. <see cref="SkipTo"/> passes over lines without copying them (a shard's part of a JSONL file).
/// </summary>
public sealed class ByteLineReader
{
    private readonly Stream _stream;
    private readonly long _maxLineBytes;
    private readonly byte[] _chunk = new byte[1 << 16];
    private int _pos, _len;
    private long _base; // stream offset of _chunk[0]
    private bool _eof;
    private byte[] _line = new byte[4096];
    private int _number;

    public ByteLineReader(Stream stream, long maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = Math.Min(maxLineBytes, Array.MaxLength);
    }

    /// <summary>Reads the next chunk; false at the end of the stream.</summary>
    private bool Fill()
    {
        if (_eof) return false;
        _base += _len;
        _len = _stream.Read(_chunk, 0, _chunk.Length);
        _pos = 0;
        if (_len == 0) _eof = true;
        return !_eof;
    }

    /// <summary>
    /// The first bytes of the stream, before anything was read, up to <paramref name="count"/> bytes and not past the
    /// first line break (so a byte-order mark can be checked without reading the first line).
    /// </summary>
    public ReadOnlySpan<byte> PeekFirstLine(int count)
    {
        if (_base != 0 || _pos != 0) throw new InvalidOperationException("peek only before reading");
        if (_len == 0 && !Fill()) return ReadOnlySpan<byte>.Empty;
        var head = _chunk.AsSpan(0, Math.Min(count, _len));
        int nl = head.IndexOf((byte)'\n');
        return nl < 0 ? head : head[..nl];
    }

    /// <summary>
    /// Passes over whole lines, counting them but neither copying nor decoding them, until the next line starts at or
    /// after <paramref name="offset"/> (a line that starts before it is passed over whole, even when it ends after it).
    /// </summary>
    public void SkipTo(long offset)
    {
        bool midLine = false;
        while (true)
        {
            if (_pos >= _len && !Fill()) { if (midLine) _number++; return; }
            if (!midLine && _base + _pos >= offset) return;
            int nl = Array.IndexOf(_chunk, (byte)'\n', _pos, _len - _pos);
            if (nl < 0) { _pos = _len; midLine = true; continue; }
            _pos = nl + 1;
            _number++;
            midLine = false;
        }
    }

    /// <summary>Reads the next line; false at the end of the stream.</summary>
    public bool Read(out ByteLine line)
    {
        int kept = 0;
        long total = 0;
        long start = -1;
        while (true)
        {
            if (_pos >= _len && !Fill()) break;
            if (start < 0) start = _base + _pos;
            int nl = Array.IndexOf(_chunk, (byte)'\n', _pos, _len - _pos);
            int count = (nl < 0 ? _len : nl) - _pos;
            if (total + count <= _maxLineBytes)
            {
                if (kept + count > _line.Length) Array.Resize(ref _line, (int)Math.Min(Math.Max(_line.Length * 2L, kept + count), Array.MaxLength));
                Buffer.BlockCopy(_chunk, _pos, _line, kept, count);
                kept += count;
            }
            total += count;
            _pos = nl < 0 ? _len : nl + 1;
            if (nl >= 0) break;
        }
        if (start < 0) { line = default; return false; }
        if (total > _maxLineBytes) kept = 0;
        else if (kept > 0 && _line[kept - 1] == (byte)'\r') { kept--; total--; }
        line = new ByteLine(_line, kept, total, ++_number, start);
        return true;
    }
}
