namespace KnowledgeGraph.Core;

/// <summary>Finds the team's shared annotated data (<c>../shared/data</c> beside the checkout) for training, evaluation and tests.</summary>
public static class DataPaths
{
    /// <summary>The variable that overrides the search.</summary>
    public const string EnvironmentVariable = "KG_SHARED_DATA";

    /// <summary>
    /// Returns the shared data folder: <c>$KG_SHARED_DATA</c> when set, else the first <c>shared/data</c>
    /// found walking up from <paramref name="start"/> (default: the current directory, then the program's folder).
    /// Null when there is none.
    /// </summary>
    public static string? FindSharedData(string? start = null)
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? Path.GetFullPath(env) : null;
        foreach (var origin in start is null ? new[] { Environment.CurrentDirectory, AppContext.BaseDirectory } : new[] { start })
        {
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "data");
                if (Directory.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>Like <see cref="FindSharedData"/> but throws a user error naming what to do.</summary>
    public static string RequireSharedData(string? start = null) =>
        FindSharedData(start) ?? throw new UserErrorException(
            $"cannot find the shared data folder (shared/data above the current directory); set {EnvironmentVariable} to its path");
}
