using System.Text.Json;

namespace Minerva.Functions.Tests;

/// <summary>
/// The functions.metadata the Functions SDK generates at build time: what the Functions host reads to bind
/// triggers. Core Tools cannot run here, so this file is how the Functions adapters are proven.
/// </summary>
internal sealed record FunctionsMetadata(IReadOnlyList<FunctionEntry> Functions)
{
    public static FunctionsMetadata Load()
    {
        var path = LocateFile();
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        var functions = doc.RootElement.EnumerateArray().Select(f => new FunctionEntry(
            f.GetProperty("name").GetString()!,
            f.GetProperty("entryPoint").GetString()!,
            f.GetProperty("bindings").EnumerateArray().Select(b => new Binding(
                b.GetProperty("type").GetString()!,
                b.GetProperty("direction").GetString()!,
                b.TryGetProperty("route", out var route) ? route.GetString() : null,
                b.TryGetProperty("methods", out var methods) ? methods.EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).ToArray() : [],
                b.TryGetProperty("authLevel", out var auth) ? auth.GetString() : null)).ToArray())).ToArray();
        return new FunctionsMetadata(functions);
    }

    /// <summary>The Functions app's output of the same configuration as this test assembly (Debug or Release).</summary>
    private static string LocateFile()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Minerva.sln")))
        {
            dir = dir.Parent;
        }

        Assert.NotNull(dir);
        var path = Path.Combine(dir.FullName, "Minerva.Functions", "bin", configuration, "net10.0", "functions.metadata");
        Assert.True(File.Exists(path), $"{path} does not exist: build Minerva.Functions ({configuration}) first.");
        return path;
    }
}

/// <param name="EntryPoint">The method the worker invokes: namespace, class and method name.</param>
internal sealed record FunctionEntry(string Name, string EntryPoint, IReadOnlyList<Binding> Bindings)
{
    public Binding Trigger => Bindings.Single(b => b.Type.EndsWith("Trigger", StringComparison.Ordinal));
}

internal sealed record Binding(string Type, string Direction, string? Route, IReadOnlyList<string> Methods, string? AuthLevel);
