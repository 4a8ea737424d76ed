using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace KnowledgeGraph.Cli.Tests;

/// <summary>
/// The recipes of docker/ and deploy/ as far as they can run here (no Docker engine, no cluster): the Dockerfile's
/// build steps are docker/build-kg.sh (tests/run.sh runs it: publish, resource check, smoke build of seeds/), the
/// manifests parse as YAML with the fields a job needs, and each job's command, run by sh with the variables the
/// scheduler sets and a stand-in kg that records its arguments, asks for shards 1/n .. n/n and merges all of them.
/// </summary>
public sealed class DeployRecipesTests
{
    private static string Repo(params string[] parts) => Path.Combine(new[] { CliRunner.RepoRoot() }.Concat(parts).ToArray());

    [Test]
    public void Dockerfile_builds_with_the_tested_script_and_runs_kg_as_a_non_root_user()
    {
        var lines = File.ReadAllLines(Repo("docker", "Dockerfile")).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        var froms = lines.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.That(froms, Has.Count.EqualTo(2), "multi-stage: an SDK stage that publishes, a runtime stage that runs");
        Assert.That(froms[0], Does.StartWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build"));
        Assert.That(froms[1], Does.StartWith("FROM mcr.microsoft.com/dotnet/runtime:10.0"));
        var runs = lines.Where(l => l.StartsWith("RUN ", StringComparison.Ordinal)).ToList();
        Assert.That(runs, Is.EqualTo(new[] { "RUN sh docker/build-kg.sh /app /tmp/kg-smoke" }),
            "every build step is in docker/build-kg.sh, which tests/run.sh runs");
        Assert.That(File.ReadAllText(Repo("tests", "run.sh")), Does.Contain("sh docker/build-kg.sh"));
        var final = lines.SkipWhile(l => l != froms[1]).ToList();
        Assert.That(final, Does.Contain("COPY --from=build /app /opt/kg"));
        Assert.That(final.Single(l => l.StartsWith("USER ", StringComparison.Ordinal)), Is.EqualTo("USER $APP_UID"), "the .NET images' non-root user");
        Assert.That(final, Does.Contain("ENTRYPOINT [\"kg\"]"));
        var script = File.ReadAllText(Repo("docker", "build-kg.sh"));
        Assert.That(script, Does.Contain("dotnet publish src/KnowledgeGraph.Cli -c Release -o \"$OUT\""));
        foreach (var f in new[] { "resources/models/pos.bin", "resources/models/ner.bin", "graph-schema/schema.json", "graph-schema/apoc-constraints.cypher" })
            Assert.That(script, Does.Contain(f), $"the image must contain {f}");
        Assert.That(script, Does.Contain("\"$OUT/kg\" build seeds"));
    }

    private static YamlMappingNode Job(string file)
    {
        var yaml = new YamlStream();
        using (var r = new StreamReader(Repo("deploy", "kubernetes", file))) yaml.Load(r);
        Assert.That(yaml.Documents, Has.Count.EqualTo(1));
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        Assert.That(S(root, "apiVersion"), Is.EqualTo("batch/v1"));
        Assert.That(S(root, "kind"), Is.EqualTo("Job"));
        return root;
    }

    private static YamlNode N(YamlNode node, params string[] path)
    {
        foreach (var p in path)
        {
            var map = (YamlMappingNode)node;
            Assert.That(map.Children.ContainsKey(new YamlScalarNode(p)), Is.True, $"missing field {p}");
            node = map.Children[new YamlScalarNode(p)];
        }
        return node;
    }

    private static string S(YamlNode node, params string[] path) => ((YamlScalarNode)N(node, path)).Value!;

    private static YamlMappingNode Container(YamlMappingNode job)
    {
        var pod = N(job, "spec", "template", "spec");
        Assert.That(S(pod, "restartPolicy"), Is.AnyOf("Never", "OnFailure"));
        Assert.That(S(pod, "securityContext", "runAsNonRoot"), Is.EqualTo("true"));
        var containers = (YamlSequenceNode)N(pod, "containers");
        Assert.That(containers.Children, Has.Count.EqualTo(1));
        var c = (YamlMappingNode)containers.Children[0];
        Assert.That(S(c, "image"), Is.Not.Empty);
        var volumes = ((YamlSequenceNode)N(pod, "volumes")).Children.Select(v => S(v, "name")).ToList();
        foreach (var m in ((YamlSequenceNode)N(c, "volumeMounts")).Children)
            Assert.That(volumes, Does.Contain(S(m, "name")), "every mount names a volume of the pod");
        return c;
    }

    private static Dictionary<string, string> Env(YamlMappingNode container) =>
        ((YamlSequenceNode)N(container, "env")).Children.Where(e => ((YamlMappingNode)e).Children.ContainsKey(new YamlScalarNode("value")))
            .ToDictionary(e => S(e, "name"), e => S(e, "value"));

    /// <summary>Runs a job's <c>sh -c</c> script with a stand-in kg first on PATH; returns the kg command lines it ran.</summary>
    private static List<string> RunWithFakeKg(string script, IReadOnlyDictionary<string, string> env, params string[] args)
    {
        var dir = CliRunner.TempDir();
        var log = Path.Combine(dir, "kg.log");
        var fake = Path.Combine(dir, "kg");
        File.WriteAllText(fake, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> \"" + log + "\"\n");
        if (OperatingSystem.IsWindows()) Assert.Ignore("the job scripts are POSIX sh");
        else File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var psi = new ProcessStartInfo("sh") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add("sh");
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in env) psi.Environment[k] = v;
        psi.Environment["PATH"] = dir + ":" + Environment.GetEnvironmentVariable("PATH");
        psi.Environment["KG"] = fake;
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.That(p.ExitCode, Is.EqualTo(0), err);
        return File.Exists(log) ? File.ReadAllLines(log).ToList() : new List<string>();
    }

    private static string ShardOf(string kgLine) => Regex.Match(kgLine, @"--shard (\S+)").Groups[1].Value;
    private static string OutOf(string kgLine) => Regex.Match(kgLine, @"--out (\S+)").Groups[1].Value;

    [Test]
    public void Kubernetes_indexed_job_turns_each_completion_index_into_one_shard_and_the_merge_job_merges_them_all()
    {
        var shards = Job("kg-shards.yaml");
        Assert.That(S(shards, "spec", "completionMode"), Is.EqualTo("Indexed"));
        int n = int.Parse(S(shards, "spec", "completions"));
        Assert.That(int.Parse(S(shards, "spec", "parallelism")), Is.InRange(1, n));
        var c = Container(shards);
        Assert.That(((YamlSequenceNode)N(c, "command")).Children.Select(x => ((YamlScalarNode)x).Value), Is.EqualTo(new[] { "sh", "-c" }));
        var script = ((YamlScalarNode)((YamlSequenceNode)N(c, "args")).Children[0]).Value!;
        var env = Env(c);
        Assert.That(env["SHARDS"], Is.EqualTo(n.ToString()), "SHARDS and completions must agree");

        var lines = new List<string>();
        for (int index = 0; index < n; index++)
            lines.AddRange(RunWithFakeKg(script, new Dictionary<string, string>(env) { ["JOB_COMPLETION_INDEX"] = index.ToString() }));
        Assert.That(lines, Has.Count.EqualTo(n));
        Assert.That(lines, Has.All.StartWith("build /corpus "));
        Assert.That(lines.Select(ShardOf), Is.EqualTo(Enumerable.Range(1, n).Select(i => $"{i}/{n}")));
        Assert.That(lines.Select(OutOf), Is.Unique);

        var merge = Job("kg-merge.yaml");
        var mc = Container(merge);
        var menv = Env(mc);
        Assert.That(menv["SHARDS"], Is.EqualTo(n.ToString()));
        var mscript = ((YamlScalarNode)((YamlSequenceNode)N(mc, "args")).Children[0]).Value!;
        var mlines = RunWithFakeKg(mscript, menv);
        Assert.That(mlines, Has.Count.EqualTo(2));
        Assert.That(mlines[0], Is.EqualTo("merge " + string.Join(" ", lines.Select(OutOf)) + " --out /graph"), "every shard folder, once");
        Assert.That(mlines[1], Is.EqualTo("export /graph/graph.jsonl --format neo4j-admin --out /graph/neo4j-admin"));
        mlines = RunWithFakeKg(mscript, new Dictionary<string, string>(menv) { ["LOAD"] = "http" });
        Assert.That(mlines[1], Is.EqualTo("load /graph/graph.jsonl"));
        // The shard volume the merge reads is the one the shard pods write.
        Assert.That(S(((YamlSequenceNode)N(merge, "spec", "template", "spec", "volumes")).Children.Single(v => S(v, "name") == "shards"), "persistentVolumeClaim", "claimName"),
            Is.EqualTo(S(((YamlSequenceNode)N(shards, "spec", "template", "spec", "volumes")).Children.Single(v => S(v, "name") == "shards"), "persistentVolumeClaim", "claimName")));
    }

    [Test]
    public void Slurm_job_array_turns_each_task_id_into_one_shard_and_the_merge_job_merges_them_all()
    {
        var text = File.ReadAllText(Repo("deploy", "slurm", "kg-shards.sbatch"));
        var array = Regex.Match(text, @"^#SBATCH --array=1-(\d+)$", RegexOptions.Multiline);
        Assert.That(array.Success, Is.True, "#SBATCH --array=1-N");
        int n = int.Parse(array.Groups[1].Value);
        Assert.That(Regex.Match(text, @"^SHARDS=(\d+)$", RegexOptions.Multiline).Groups[1].Value, Is.EqualTo(n.ToString()));
        var lines = new List<string>();
        for (int task = 1; task <= n; task++)
            lines.AddRange(RunWithFakeKg(text, new Dictionary<string, string> { ["SLURM_ARRAY_TASK_ID"] = task.ToString(), ["SLURM_CPUS_PER_TASK"] = "2" }, "/shared/corpus", "/shared/run"));
        Assert.That(lines.Select(ShardOf), Is.EqualTo(Enumerable.Range(1, n).Select(i => $"{i}/{n}")));
        Assert.That(lines, Has.All.StartWith("build /shared/corpus "));
        Assert.That(lines.Select(OutOf), Is.Unique);

        var merge = File.ReadAllText(Repo("deploy", "slurm", "kg-merge.sbatch"));
        Assert.That(Regex.Match(merge, @"^SHARDS=(\d+)$", RegexOptions.Multiline).Groups[1].Value, Is.EqualTo(n.ToString()));
        var mlines = RunWithFakeKg(merge, new Dictionary<string, string>(), "/shared/run");
        Assert.That(mlines[0], Is.EqualTo("merge " + string.Join(" ", lines.Select(OutOf)) + " --out /shared/run/graph"));
        Assert.That(mlines[1], Is.EqualTo("export /shared/run/graph/graph.jsonl --format neo4j-admin --out /shared/run/graph/neo4j-admin"));
    }
}
