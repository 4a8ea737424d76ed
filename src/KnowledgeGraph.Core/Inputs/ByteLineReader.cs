namespace KnowledgeGraph.Core.Inputs;

/// <summary>One line as bytes, without its line break. Valid until the next <see cref="ByteLineReader.Read"/>.</summary>
public readonly record struct ByteLine(byte[] Buffer, int Length, long TotalBytes, int Number)
{
    /// <summary>The line was longer than the reader's limit: only its length is known, its bytes were skipped.</summary>
    public bool TooLong => TotalBytes > Length;
    public ReadOnlySpan<byte> Bytes => Buffer.AsSpan(0, Length);
}

/// <summary>
/// Splits a stream into lines on '\n' (a '\r' before it is dropped) before any decoding, so one bad byte costs only its
/// own line and every line keeps its true number. A line longer than the limit is skipped to its end without being
/// held in memory.
/// </summary>
public sealed class ByteLineReader
{
    private readonly Stream _stream;
    private readonly long _maxLineBytes;
    private readonly byte[] _chunk = new byte[1 << 16];
    private int _pos, _len;
    private bool _eof;
    private byte[] _line = new byte[4096];
    private int _number;

    public ByteLineReader(Stream stream, long maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = Math.Min(maxLineBytes, Array.MaxLength);
    }

    /// <summary>Reads the next line; false at the end of the stream.</summary>
    public bool Read(out ByteLine line)
    {
        int kept = 0;
        long total = 0;
        bool any = false;
        while (true)
        {
            if (_pos >= _len)
            {
                if (_eof) break;
                _len = _stream.Read(_chunk, 0, _chunk.Length);
                _pos = 0;
                if (_len == 0) { _eof = true; break; }
            }
            any = true;
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
        if (!any) { line = default; return false; }
        if (total > _maxLineBytes) kept = 0;
        else if (kept > 0 && _line[kept - 1] == (byte)'\r') { kept--; total--; }
        line = new ByteLine(_line, kept, total, ++_number);
        return true;
    }
}
