using Minerva.Cli.CommandLine;
using Minerva.Cli.Commands;
using Minerva.Cli.Commands.Importing;
using Minerva.Cli.Tile;
using Spectre.Console.Cli;

namespace Minerva.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var interrupted = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl+C stops cleanly (the upload state is kept for resuming); a second one kills the process.
            e.Cancel = !interrupted.IsCancellationRequested;
            interrupted.Cancel();
        };
        return await MinervaApp.RunAsync(args, CliContext.ForProcess(), AddCommands, interrupted.Token);
    }

    internal static void AddCommands(IConfigurator config)
    {
        // The user's client: talks to the Minerva service's HTTP API.
        config.AddCommand<ImportCommand>("import")
            .WithDescription("Upload image files into a repository and turn them into OME-Zarr pyramids.")
            .WithExample("import", "slide1.ome.tif", "slide2.ome.tif", "--repository", "lab-a");
        config.AddCommand<ReposCommand>("repos").WithDescription("List your repositories.");
        config.AddCommand<ImportsCommand>("imports").WithDescription("List the imports of a repository (name or uuid), or of all.");
        config.AddCommand<StatusCommand>("status").WithDescription("Show an import's status and progress.");
        config.AddCommand<FilesetsCommand>("filesets").WithDescription("Show an import's files and the images they produced.");
        config.AddCommand<CancelCommand>("cancel").WithDescription("Cancel an import.");

        // The engine's commands (Minerva.Cli/Tile): `minerva tile INPUT OUTPUT ...` is registered here.
        config.AddCommand<TileCommand>("tile").WithDescription("Convert a TIFF/OME-TIFF into an OME-Zarr pyramid folder on this machine.");
    }
}
