using System.Diagnostics;

namespace KnowledgeGraph.Cli.Commands;

/// <summary>
/// A one-line progress bar on the terminal, redrawn at most ten times a second; silent when output is redirected,
/// so logs and pipes get only plain lines.
/// </summary>
public sealed class Progress : IDisposable
{
    private readonly TextWriter _writer;
    private readonly bool _enabled;
    private readonly long _totalBytes;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;
    private bool _drawn;

    public Progress(TextWriter writer, bool enabled, long totalBytes)
    {
        _writer = writer;
        _enabled = enabled;
        _totalBytes = totalBytes;
    }

    public void Report(long bytesDone, int documents, int failures, bool force = false)
    {
        if (!_enabled) return;
        var now = _clock.ElapsedMilliseconds;
        if (!force && now - _lastDraw < 100) return;
        _lastDraw = now;
        const int width = 30;
        string bar;
        if (_totalBytes > 0)
        {
            var fraction = Math.Clamp(bytesDone / (double)_totalBytes, 0, 1);
            int filled = (int)(fraction * width);
            bar = $"[{new string('#', filled)}{new string('-', width - filled)}] {fraction * 100,3:0}%";
        }
        else bar = "[" + new string('.', (int)(now / 250 % width)) + "]";
        var rate = now > 0 ? bytesDone / 1024.0 / 1024.0 / (now / 1000.0) : 0;
        _writer.Write($"\r{bar} {documents} documents, {failures} failed, {rate:0.0} MB/s   ");
        _writer.Flush();
        _drawn = true;
    }

    public void Dispose()
    {
        if (_drawn) { _writer.Write("\r" + new string(' ', 90) + "\r"); _writer.Flush(); }
    }
}
