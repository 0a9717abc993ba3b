using System.ComponentModel;
using Minerva.Tiling.Pyramid;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Minerva.Cli.Tile;

/// <summary>Arguments of <c>minerva tile INPUT OUTPUT [--series N] [--chunk 1024] [--compressor …] [--threads N]</c>.</summary>
internal sealed class TileSettings : CommandSettings
{
    private static readonly Dictionary<string, Tiling.Pyramid.Compressor> Compressors = new(StringComparer.OrdinalIgnoreCase)
    {
        ["blosc-lz4"] = Tiling.Pyramid.Compressor.BloscLz4,
        ["blosc-zstd"] = Tiling.Pyramid.Compressor.BloscZstd,
        ["zlib"] = Tiling.Pyramid.Compressor.Zlib,
        ["none"] = Tiling.Pyramid.Compressor.None,
    };

    [CommandArgument(0, "<INPUT>")]
    [Description("The TIFF or OME-TIFF to convert.")]
    public string Input { get; init; } = "";

    [CommandArgument(1, "<OUTPUT>")]
    [Description("The OME-Zarr folder to create; it must not exist yet.")]
    public string Output { get; init; } = "";

    [CommandOption("--series <N>")]
    [Description("Write only this series (0-based); default: every series.")]
    public int? Series { get; init; }

    [CommandOption("--chunk <SIZE>")]
    [Description("Chunk width and height in pixels.")]
    [DefaultValue(1024)]
    public int Chunk { get; init; } = 1024;

    [CommandOption("--compressor <NAME>")]
    [Description("blosc-lz4, blosc-zstd, zlib or none.")]
    [DefaultValue("blosc-lz4")]
    public string Compressor { get; init; } = "blosc-lz4";

    [CommandOption("--threads <N>")]
    [Description("Regions built at once; default: the number of processors.")]
    public int? Threads { get; init; }

    public TileOptions Options => new(Chunk, Compressors[Compressor]);

    public int ThreadCount => Threads ?? Environment.ProcessorCount;

    public override ValidationResult Validate()
    {
        if (!Compressors.ContainsKey(Compressor))
        {
            return ValidationResult.Error($"Unknown compressor '{Compressor}': use blosc-lz4, blosc-zstd, zlib or none.");
        }

        if (Chunk is < PyramidPlanner.MinChunkSize or > PyramidPlanner.MaxChunkSize || Chunk % 2 != 0)
        {
            return ValidationResult.Error($"--chunk {Chunk} must be an even number from {PyramidPlanner.MinChunkSize} to {PyramidPlanner.MaxChunkSize}.");
        }

        if (Threads is < 1)
        {
            return ValidationResult.Error("--threads must be at least 1.");
        }

        if (Series is < 0)
        {
            return ValidationResult.Error("--series must be 0 or more.");
        }

        return ValidationResult.Success();
    }
}
