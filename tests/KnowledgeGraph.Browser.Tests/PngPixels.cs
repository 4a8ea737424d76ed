using System.Buffers.Binary;
using System.IO.Compression;

namespace KnowledgeGraph.Browser.Tests;

/// <summary>
/// Reads the pixels of a PNG as Chromium writes its screenshots (8-bit RGB or RGBA, not interlaced), to tell a drawn
/// picture from a blank one without an image library.
/// </summary>
public sealed class PngPixels
{
    private PngPixels(int width, int height, byte[] rgb) { Width = width; Height = height; Rgb = rgb; }

    public int Width { get; }
    public int Height { get; }
    /// <summary>Three bytes per pixel, row by row.</summary>
    public byte[] Rgb { get; }

    public static PngPixels Decode(byte[] png)
    {
        if (png.Length < 8 || png[0] != 0x89 || png[1] != (byte)'P') throw new FormatException("not a PNG");
        int width = 0, height = 0, channels = 0;
        var idat = new MemoryStream();
        for (int pos = 8; pos + 8 <= png.Length;)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var body = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(body);
                height = BinaryPrimitives.ReadInt32BigEndian(body[4..]);
                if (body[8] != 8 || body[12] != 0) throw new FormatException("only 8-bit, non-interlaced PNG is read");
                channels = body[9] switch { 2 => 3, 6 => 4, _ => throw new FormatException($"colour type {body[9]} is not read") };
            }
            else if (type == "IDAT") idat.Write(body);
            else if (type == "IEND") break;
            pos += 12 + length;
        }
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new MemoryStream();
        z.CopyTo(raw);
        var data = raw.ToArray();
        int stride = width * channels;
        var prev = new byte[stride];
        var cur = new byte[stride];
        var rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            int filter = data[y * (stride + 1)];
            Array.Copy(data, y * (stride + 1) + 1, cur, 0, stride);
            for (int x = 0; x < stride; x++)
            {
                int a = x >= channels ? cur[x - channels] : 0, b = prev[x], c = x >= channels ? prev[x - channels] : 0;
                cur[x] = (byte)(cur[x] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new FormatException($"filter {filter}"),
                });
            }
            for (int x = 0; x < width; x++)
                for (int k = 0; k < 3; k++) rgb[(y * width + x) * 3 + k] = cur[x * channels + k];
            (prev, cur) = (cur, prev);
        }
        return new PngPixels(width, height, rgb);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    /// <summary>Variance of the grey level (0-255) over all pixels: 0 for a blank picture.</summary>
    public double LuminanceVariance()
    {
        double sum = 0, sumSq = 0;
        int n = Width * Height;
        for (int i = 0; i < n; i++)
        {
            double l = 0.299 * Rgb[i * 3] + 0.587 * Rgb[i * 3 + 1] + 0.114 * Rgb[i * 3 + 2];
            sum += l;
            sumSq += l * l;
        }
        double mean = sum / n;
        return sumSq / n - mean * mean;
    }

    /// <summary>The share of pixels that are not (near) white.</summary>
    public double InkedShare()
    {
        int n = Width * Height, inked = 0;
        for (int i = 0; i < n; i++)
            if (Rgb[i * 3] < 235 || Rgb[i * 3 + 1] < 235 || Rgb[i * 3 + 2] < 235) inked++;
        return (double)inked / n;
    }
}
