using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Minerva.Viewer;

/// <summary>One file of the viewer bundle, with its strong ETag (quoted, from its content).</summary>
public sealed record ViewerFile(string Path, byte[] Content, string ETag);

/// <summary>
/// The viewer page as vite built it (see Minerva.Viewer.csproj), read from this assembly: the page template
/// (index.html, whose <c>&lt;meta name="minerva-image"&gt;</c> the service fills in) and its assets.
/// </summary>
public sealed class ViewerBundle
{
    /// <summary>The element of the page template the service replaces with the page's base and the image's description.</summary>
    public const string Placeholder = """<meta name="minerva-image">""";

    private const string ResourcePrefix = "viewer/";
    private const string PageFile = "index.html";

    private readonly Dictionary<string, ViewerFile> _assets;

    private ViewerBundle(Dictionary<string, ViewerFile> files)
    {
        Page = Encoding.UTF8.GetString(files[PageFile].Content);
        files.Remove(PageFile);
        _assets = files;
    }

    /// <summary>The bundle embedded in this assembly.</summary>
    public static ViewerBundle Embedded { get; } = Load();

    /// <summary>The page template, with <see cref="Placeholder"/> in its head.</summary>
    public string Page { get; }

    /// <summary>An asset by its path under the bundle (e.g. <c>assets/index-1a2b3c.js</c>); null when there is none.</summary>
    public ViewerFile? Asset(string path) => _assets.GetValueOrDefault(path);

    private static ViewerBundle Load()
    {
        var assembly = typeof(ViewerBundle).Assembly;
        var files = new Dictionary<string, ViewerFile>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            var content = Read(assembly, name);
            var path = name[ResourcePrefix.Length..];
            files[path] = new ViewerFile(path, content, $"\"{Convert.ToBase64String(SHA256.HashData(content), 0, 12)}\"");
        }

        return files.ContainsKey(PageFile)
            ? new ViewerBundle(files)
            : throw new InvalidOperationException("Minerva.Viewer was built without its bundle (index.html is missing).");
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
