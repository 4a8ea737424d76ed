namespace KnowledgeGraph.Cli.Tests;

public sealed class HelpTests
{
    [Test]
    public void EveryCommandHasHelpThatShowsItsUsage()
    {
        foreach (var command in Program.Commands)
        {
            var run = CliRunner.Run(command.Name, "--help");
            Assert.That(run.ExitCode, Is.EqualTo(0), command.Name);
            Assert.That(run.Out, Does.Contain("Usage: kg " + command.Name), command.Name);
        }
    }

    [Test]
    public void MainHelpListsEveryCommand()
    {
        var run = CliRunner.Run("--help");
        Assert.That(run.ExitCode, Is.EqualTo(0));
        foreach (var command in Program.Commands) Assert.That(run.Out, Does.Contain(command.Name));
    }
}
