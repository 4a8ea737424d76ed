namespace KnowledgeGraph.Core;

/// <summary>An error the user can fix (bad input, missing model, bad option): printed as one line, no stack trace.</summary>
public class UserErrorException : Exception
{
    public UserErrorException(string message) : base(message) { }
    public UserErrorException(string message, Exception inner) : base(message, inner) { }
}

/// <summary>A model or lexicon file that is missing or corrupt.</summary>
public sealed class ModelLoadException : UserErrorException
{
    public ModelLoadException(string path, string reason) : base($"{path}: {reason}") { Path = path; }
    public string Path { get; }
}

/// <summary>A document the analyser cannot read (e.g. not English): that document is skipped with this reason, the others go on.</summary>
public sealed class UnsupportedDocumentException : UserErrorException
{
    public UnsupportedDocumentException(string reason) : base(reason) { }
}
