using KnowledgeGraph.Core;
using KnowledgeGraph.Nlp.Models;

namespace KnowledgeGraph.Nlp.Tests.Models;

public sealed class WordClustersTests
{
    // Four tight groups of directions in 4-D (one per first-level branch): words of one group must share their
    // first-level class, words of different groups must not.
    private static (List<string> Words, float[][] Vectors) Groups()
    {
        var words = new List<string>();
        var vectors = new List<float[]>();
        var rng = new DeterministicRandom(7);
        float Jitter() => (rng.Next(1000) - 500) / 50_000f;
        string[][] groups = [["oslo", "lima", "quito", "accra"], ["frigate", "destroyer", "corvette"], ["quickly", "slowly", "gently", "loudly"], ["told", "added", "noted"]];
        float[][] axes = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]];
        for (int g = 0; g < groups.Length; g++)
            foreach (var w in groups[g])
            {
                words.Add(w);
                vectors.Add(axes[g].Select(x => x * 3 + Jitter()).ToArray());
            }
        return (words, vectors.ToArray());
    }

    [Test]
    public void WordsUsedAlikeShareTheirFirstLevelClassAndOthersDoNot()
    {
        var (words, vectors) = Groups();
        var c = WordClusters.Derive(words, vectors, "test");
        int Top(string w) => WordClusters.Prefix(c.Leaf(w), 1);
        Assert.That(new[] { Top("lima"), Top("quito"), Top("accra") }, Is.All.EqualTo(Top("oslo")));
        Assert.That(new[] { Top("destroyer"), Top("corvette") }, Is.All.EqualTo(Top("frigate")));
        Assert.That(new[] { Top("slowly"), Top("gently"), Top("loudly") }, Is.All.EqualTo(Top("quickly")));
        Assert.That(new[] { Top("added"), Top("noted") }, Is.All.EqualTo(Top("told")));
        Assert.That(new[] { Top("oslo"), Top("frigate"), Top("quickly"), Top("told") }, Is.Unique);
    }

    [Test]
    public void LookupIgnoresCaseAndUnknownWordsHaveAClassOfTheirOwn()
    {
        var (words, vectors) = Groups();
        var c = WordClusters.Derive(words, vectors, "test");
        Assert.That(c.Leaf("Oslo"), Is.EqualTo(c.Leaf("oslo")));
        Assert.That(c.Leaf("Ruritania"), Is.EqualTo(WordClusters.Unknown));
        Assert.That(WordClusters.Prefix(WordClusters.Unknown, 3), Is.EqualTo(-1));
        Assert.That(WordClusters.Prefix(WordClusters.Boundary, 3), Is.EqualTo(-2));
        // classes of different levels never collide, even for leaf 0
        Assert.That(Enumerable.Range(1, WordClusters.Depth).Select(l => WordClusters.Prefix(0, l)), Is.Unique);
    }

    [Test]
    public void TheSameVectorsGiveTheSameBytesAndTheTableRoundTrips()
    {
        var (words, vectors) = Groups();
        var dir = Directory.CreateTempSubdirectory("kg-clusters-").FullName;
        try
        {
            string a = Path.Combine(dir, "a.bin"), b = Path.Combine(dir, "b.bin");
            WordClusters.Derive(words, vectors, "test").Save(a);
            WordClusters.Derive(words, vectors, "test").Save(b);
            Assert.That(File.ReadAllBytes(b), Is.EqualTo(File.ReadAllBytes(a)));
            var loaded = WordClusters.Load(a);
            Assert.That(loaded.Count, Is.EqualTo(words.Count));
            Assert.That(words.Select(loaded.Leaf), Is.EqualTo(words.Select(WordClusters.Derive(words, vectors, "test").Leaf)));

            var bytes = File.ReadAllBytes(a);
            bytes[bytes.Length / 2] ^= 0x40;
            File.WriteAllBytes(b, bytes);
            Assert.That(() => WordClusters.Load(b), Throws.TypeOf<ModelLoadException>().With.Message.Contains("corrupt"));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Test]
    public void ReadsTheWinkEmbeddingsLayoutInFrequencyOrder()
    {
        var dir = Directory.CreateTempSubdirectory("kg-emb-").FullName;
        try
        {
            var path = Path.Combine(dir, "emb.json");
            File.WriteAllText(path, """{"precision":8,"l2NormIndex":2,"wordIndex":3,"size":3,"dimensions":2,"words":["the","navy","oslo"],"vectors":{"oslo":[0.5,1.5,1.58,2],"the":[1,0,1,0],"navy":[0,-2,2,1]},"unkVector":[0,0,0,-1]}""");
            var (w, v) = WordClusters.ReadWinkEmbeddings(path, 2);
            Assert.That(w, Is.EqualTo(new[] { "the", "navy" }));
            Assert.That(v[1], Is.EqualTo(new[] { 0f, -2f }));

            File.WriteAllText(path, """{"dimensions":2,"words":["the"],"vectors":{"the":[1,""");
            Assert.That(() => WordClusters.ReadWinkEmbeddings(path, 10), Throws.TypeOf<ModelLoadException>().With.Message.Contains("not valid JSON"));

            // a file of the wrong shape is a one-line load error, never a crash
            foreach (var bad in new[]
            {
                """{"dimensions":"two","words":["the"],"vectors":{"the":[1,0]}}""",
                """{"dimensions":2,"words":[7],"vectors":{"the":[1,0]}}""",
                """{"dimensions":2,"words":["the"],"vectors":{"the":["x",0]}}""",
                """{"dimensions":2,"words":["the"],"vectors":{"the":1}}""",
                """{"dimensions":2,"words":["the","navy"],"vectors":{"oslo":[1,0]}}""",
            })
            {
                File.WriteAllText(path, bad);
                Assert.That(() => WordClusters.ReadWinkEmbeddings(path, 10), Throws.TypeOf<ModelLoadException>().With.Message.Contains("not a wink embeddings file"), bad);
            }
        }
        finally { Directory.Delete(dir, true); }
    }
}
