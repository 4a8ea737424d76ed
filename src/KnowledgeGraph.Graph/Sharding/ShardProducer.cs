using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace KnowledgeGraph.Graph.Sharding;

/// <summary>
/// What made a shard: shards merge only when all three agree, because the same input analysed by another program,
/// other models or lexicons, another ontology or other input options would not give the single build's graph.
/// </summary>
/// <param name="Kg">kg's version (informational version of the program).</param>
/// <param name="Build">Hash of the module version ids of the assemblies that decide the output (deterministic builds:
/// the same compiled code gives the same ids).</param>
/// <param name="Pipeline">Hash of the models, lexicons and input options the shard ran with.</param>
/// <param name="Schema">Hash of the ontology file (the merge must build with the same one).</param>
/// <param name="Lexicons">The <see cref="GraphLexicons.Fingerprint"/> of the lexicons the graph's joins read (the merge must
/// read the same ones); null in shards of a kg that did not record it.</param>
public sealed record ShardProducer(string Kg, string Build, string Pipeline, string Schema, string? Lexicons = null)
{
    /// <summary>Hash of one file's bytes, as <see cref="Schema"/> holds it.</summary>
    public static string FileId(string path) => Hash(File.ReadAllBytes(path));

    /// <summary>Hashes the module version ids of the given assemblies, in the order given.</summary>
    public static string BuildId(IEnumerable<Assembly> assemblies)
    {
        var sb = new StringBuilder();
        foreach (var a in assemblies) sb.Append(a.GetName().Name).Append('=').Append(a.ManifestModule.ModuleVersionId.ToString("N")).Append('\n');
        return Hash(Encoding.UTF8.GetBytes(sb.ToString()));
    }

    /// <summary>
    /// Hashes every file below each folder or file given (relative path and bytes, in ordinal path order) and the
    /// option text: what the pipeline reads at start-up decides what it finds.
    /// </summary>
    public static string PipelineId(IEnumerable<string> filesAndFolders, string options)
    {
        using var h = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var root in filesAndFolders)
        {
            var files = Directory.Exists(root)
                ? Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).OrderBy(f => Path.GetRelativePath(root, f).Replace('\\', '/'), StringComparer.Ordinal)
                : (IEnumerable<string>)new[] { root };
            foreach (var f in files)
            {
                var name = Directory.Exists(root) ? Path.GetRelativePath(root, f).Replace('\\', '/') : Path.GetFileName(f);
                h.AppendData(Encoding.UTF8.GetBytes(name + "\n"));
                h.AppendData(SHA256.HashData(File.ReadAllBytes(f)));
            }
        }
        h.AppendData(Encoding.UTF8.GetBytes("options\n" + options));
        return Convert.ToHexStringLower(h.GetHashAndReset())[..16];
    }

    private static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes))[..16];
}
