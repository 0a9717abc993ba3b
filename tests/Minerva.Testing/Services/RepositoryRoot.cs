namespace Minerva.Testing.Services;

/// <summary>The repository's root folder (the one holding Minerva.sln), found from the test binaries upwards.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Minerva.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Minerva.sln above {AppContext.BaseDirectory}.");
    }
}
