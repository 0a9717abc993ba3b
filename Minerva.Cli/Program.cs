using Minerva.Cli.Tile;
using Spectre.Console.Cli;

var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("minerva");
    config.AddCommand<TileCommand>("tile")
        .WithDescription("Convert a TIFF/OME-TIFF into an OME-Zarr pyramid folder on this machine.");

    // Argument and option errors (parse or validation) are the caller's mistake: one line, exit 2.
    config.SetExceptionHandler((exception, _) =>
    {
        Console.Error.WriteLine($"minerva: {exception.Message}");
        return exception is CommandParseException or CommandRuntimeException ? 2 : 1;
    });
});

return await app.RunAsync(args);
