using Minerva.Cli.Api;
using Spectre.Console;

namespace Minerva.Cli.Output;

/// <summary>
/// Each image's viewer and OME-Zarr links, below the filesets table. Written as plain lines, not through the table
/// renderer, so a link is never folded at the terminal's width and copies whole.
/// </summary>
internal static class ImageLinkLines
{
    public static void Write(IAnsiConsole console, IReadOnlyList<Fileset> filesets)
    {
        var images = filesets.SelectMany(f => f.Images).Where(i => i.ViewerUrl is not null).ToList();
        if (images.Count == 0)
        {
            return;
        }

        var writer = console.Profile.Out.Writer;
        writer.WriteLine("Links (open without an API key; share them as you would the image):");
        foreach (var image in images)
        {
            writer.WriteLine($"  {image.Name} ({image.Uuid})");
            writer.WriteLine($"    viewer: {image.ViewerUrl}");
            writer.WriteLine($"    zarr:   {image.ZarrUrl}");
        }
    }
}
