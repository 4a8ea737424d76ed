using KnowledgeGraph.Evaluation.Benchmarking;

namespace KnowledgeGraph.Evaluation.Tests;

public class MachineInfoTests
{
    [Test]
    public void Bench_header_tells_a_precompiled_assembly_from_a_jitted_one()
    {
        // The framework's own assemblies ship precompiled (ReadyToRun); the build's kg assemblies are plain IL.
        Assert.That(MachineInfo.CodeGeneration(typeof(object).Assembly), Does.StartWith("precompiled (ReadyToRun)"));
        Assert.That(MachineInfo.CodeGeneration(typeof(MachineInfo).Assembly), Does.StartWith("jitted (not precompiled)"));
    }
}
