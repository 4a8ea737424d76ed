using KnowledgeGraph.Nlp.Models;
using NUnit.Framework;

namespace KnowledgeGraph.Nlp.Tests.Models;

/// <summary>
/// The parser and the POS tagger score through <see cref="DenseRowModel"/> (dense rows added with the widest vectors the
/// processor has); a score that differed from the model's own sums would change tags and trees, so they must be the
/// same to the bit.
/// </summary>
public sealed class DenseRowModelTests
{
    // each size with 512-bit vectors (processors with AVX-512) and with Vector<float> (the others), whatever this machine has
    [TestCase(7, true)]    // fewer classes than one vector
    [TestCase(7, false)]
    [TestCase(50, true)]   // the POS tagger's size: not a whole number of vectors
    [TestCase(50, false)]
    [TestCase(111, true)]  // the parser's move count
    [TestCase(111, false)]
    public void ScoresEqualTheModelsOwnSumsToTheBit(int classCount, bool wide)
    {
        var rng = new Random(classCount);
        var keys = new List<ulong>();
        var rowStart = new List<int> { 0 };
        var classes = new List<byte>();
        var weights = new List<float>();
        ulong key = 0;
        for (int r = 0; r < 400; r++)
        {
            key += 1 + (ulong)rng.Next(1, 1 << 20) * 0x9E3779B9UL;
            keys.Add(key);
            // short rows stay packed, long ones go dense (from 16 classes)
            int n = r % 3 == 0 ? Math.Min(classCount, 16 + rng.Next(classCount)) : 1 + rng.Next(Math.Min(classCount, 15));
            foreach (var c in Enumerable.Range(0, classCount).OrderBy(_ => rng.Next()).Take(n).Order())
            {
                classes.Add((byte)c);
                // half-precision values as the trainer leaves them, some tiny (subnormal in half precision) and negative
                double magnitude = r % 7 == 0 ? rng.NextDouble() * 1e-6 : (rng.NextDouble() - 0.5) * 40;
                weights.Add((float)(Half)(r % 2 == 0 ? magnitude : -magnitude));
            }
            rowStart.Add(classes.Count);
        }
        var model = new LinearModel(classCount, keys.ToArray(), rowStart.ToArray(), classes.ToArray(), weights.ToArray());
        var dense = new DenseRowModel(model, denseFrom: 16, wide);
        Assert.That(dense.Width, Is.GreaterThanOrEqualTo(classCount));
        Assert.That(dense.Width % (wide ? 16 : System.Numerics.Vector<float>.Count), Is.Zero, "whole vectors");
        for (int trial = 0; trial < 200; trial++)
        {
            // some keys of the model, some unknown ones, in any order
            var probe = Enumerable.Range(0, 1 + rng.Next(90))
                .Select(_ => rng.Next(5) == 0 ? (ulong)rng.NextInt64(1, long.MaxValue) : keys[rng.Next(keys.Count)]).ToArray();
            var expected = new float[classCount];
            foreach (var k in probe) model.AddScores(k, expected);
            var actual = new float[dense.Width];
            dense.AddScores(probe, actual);
            for (int c = 0; c < classCount; c++)
                Assert.That(BitConverter.SingleToUInt32Bits(actual[c]), Is.EqualTo(BitConverter.SingleToUInt32Bits(expected[c])), $"class {c}");
        }
    }
}
