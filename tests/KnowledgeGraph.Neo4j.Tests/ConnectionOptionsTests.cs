namespace KnowledgeGraph.Neo4j.Tests;

public sealed class ConnectionOptionsTests
{
    [Test]
    public void Reads_neo4j_variables_and_explicit_values_win()
    {
        var env = new Dictionary<string, string>
        {
            ["NEO4J_URI"] = "http://graph.local:7474", ["NEO4J_USERNAME"] = "analyst", ["NEO4J_PASSWORD"] = "pw-12345678", ["NEO4J_DATABASE"] = "news",
        };
        var o = Neo4jConnectionOptions.FromEnvironment(environment: k => env.GetValueOrDefault(k));
        Assert.That(o.Uri.ToString(), Is.EqualTo("http://graph.local:7474/"));
        Assert.That((o.User, o.Database, o.HasPassword), Is.EqualTo(("analyst", "news", true)));

        var explicitOnes = Neo4jConnectionOptions.FromEnvironment("http://other:7474", "me", "db2", environment: k => env.GetValueOrDefault(k));
        Assert.That((explicitOnes.Uri.Host, explicitOnes.User, explicitOnes.Database), Is.EqualTo(("other", "me", "db2")));

        var defaults = Neo4jConnectionOptions.FromEnvironment(environment: _ => null);
        Assert.That(defaults.Uri.ToString(), Is.EqualTo("http://localhost:7474/"));
        Assert.That((defaults.User, defaults.Database, defaults.HasPassword), Is.EqualTo(("neo4j", "neo4j", false)));
    }

    [Test]
    public void The_password_variable_can_be_renamed()
    {
        var o = Neo4jConnectionOptions.FromEnvironment(passwordVariable: "MY_PW", environment: k => k == "MY_PW" ? "x-12345678" : null);
        Assert.That(o.HasPassword, Is.True);
    }

    [TestCase("neo4j://db.example", "http://db.example:7474/")]
    [TestCase("bolt://db.example:7687", "http://db.example:7474/")]
    [TestCase("neo4j+s://abcd1234.databases.neo4j.io", "https://abcd1234.databases.neo4j.io/")]
    [TestCase("neo4j+s://db.example", "https://db.example:7473/")]
    [TestCase("https://abcd1234.databases.neo4j.io", "https://abcd1234.databases.neo4j.io/")]
    public void Bolt_style_addresses_map_to_the_http_port(string given, string expected)
    {
        Assert.That(new Neo4jConnectionOptions(given, "neo4j", null).Uri.ToString(), Is.EqualTo(expected));
    }

    [Test]
    public void A_bad_address_is_a_user_error_naming_it()
    {
        var e = Assert.Throws<KnowledgeGraph.Core.UserErrorException>(() => _ = new Neo4jConnectionOptions("ftp://x", "neo4j", null))!;
        Assert.That(e.Message, Does.Contain("unsupported scheme"));
    }
}
