using Minerva.Tiling.Model;
using Minerva.Tiling.Tiff;

namespace Minerva.Tiling.Ome;

/// <summary>
/// Series of an OME-TIFF: one per OME &lt;Image&gt;, planes placed by &lt;TiffData&gt; (or, without any, in
/// consecutive full-resolution IFDs continuing from the previous image). Every declared plane must exist.
/// </summary>
internal static class OmeTiffSeries
{
    public static List<SeriesLayout> Build(TiffFile file, OmeDocument ome, string fileName)
    {
        var main = Enumerable.Range(0, file.Ifds.Count).Where(i => !file.Ifds[i].IsReducedResolution).ToList();
        var sequential = 0;
        var planeIfds = new List<int[]>();
        foreach (var (image, index) in ome.Images.Select((image, index) => (image, index)))
        {
            planeIfds.Add(image.TiffData.Count > 0
                ? MapTiffData(image, index, ome.Uuid, file, fileName)
                : MapSequential(image, index, main, ref sequential, fileName));
        }

        var claimed = planeIfds.SelectMany(p => p).ToHashSet();
        return ome.Images.Select((image, index) => BuildSeries(image, index, planeIfds[index], claimed, file, fileName)).ToList();
    }

    private static SeriesLayout BuildSeries(OmeImage image, int index, int[] ifdOfPlane, IReadOnlySet<int> claimed, TiffFile file, string fileName)
    {
        var samples = SamplesPerIfd(image);
        var ifdsPerPlane = image.SizeC / samples;
        var pixelType = ParsePixelType(image.Type, index, fileName);

        // Reorder from OME plane order to the layout's (t, z, c) order.
        var ifdIndices = new int[image.SizeT * image.SizeZ * ifdsPerPlane];
        for (var t = 0; t < image.SizeT; t++)
        {
            for (var z = 0; z < image.SizeZ; z++)
            {
                for (var c = 0; c < ifdsPerPlane; c++)
                {
                    var plane = OmeDimensionOrder.PlaneIndex(image.DimensionOrder, z, c, t, image.SizeZ, ifdsPerPlane, image.SizeT);
                    ifdIndices[(((t * image.SizeZ) + z) * ifdsPerPlane) + c] = ifdOfPlane[plane];
                }
            }
        }

        var full = ifdIndices.Select(i => file.Ifds[i]).ToArray();
        foreach (var ifd in full)
        {
            TiffSeriesPlanning.RequireReadable(ifd, fileName);
            if (ifd.Width != image.SizeX || ifd.Height != image.SizeY || ifd.SamplesPerPixel != samples || ifd.PixelType != pixelType)
            {
                throw new InvalidImageException(
                    $"{fileName}: OME image {index} declares {image.SizeX}×{image.SizeY} {image.Type} planes, but {ifd.Label} holds {ifd.Width}×{ifd.Height} pixels of {ifd.SamplesPerPixel} {ifd.PixelType} samples.");
            }
        }

        var levels = SeriesLayout.CommonLevels(full, ifdIndices.Select(i => TiffSeriesPlanning.ReducedLevels(file, i, claimed)).ToList());
        var info = new SeriesInfo(
            index,
            image.Name ?? $"Image {index}",
            image.SizeT,
            image.SizeC,
            image.SizeZ,
            image.SizeY,
            image.SizeX,
            pixelType,
            new PhysicalSizes(
                image.PhysicalSizeX?.Value,
                image.PhysicalSizeX?.Unit,
                image.PhysicalSizeY?.Value,
                image.PhysicalSizeY?.Unit,
                image.PhysicalSizeZ?.Value,
                image.PhysicalSizeZ?.Unit),
            Channels(image),
            SeriesLayout.Describe(levels));
        return new SeriesLayout(info, samples, levels);
    }

    /// <summary>One <see cref="ChannelInfo"/> per sample: a channel of several samples (RGB) lends its name and colour to each.</summary>
    private static List<ChannelInfo> Channels(OmeImage image)
    {
        var channels = image.Channels
            .SelectMany(c => Enumerable.Repeat(new ChannelInfo(c.Name, c.Color), Math.Max(1, c.SamplesPerPixel)))
            .Take(image.SizeC)
            .ToList();
        while (channels.Count < image.SizeC)
        {
            channels.Add(new ChannelInfo(null, null));
        }

        return channels;
    }

    private static int[] MapTiffData(OmeImage image, int index, string? fileUuid, TiffFile file, string fileName)
    {
        var ifdsPerPlane = IfdsPerPlane(image, index, fileName);
        var planeCount = image.SizeZ * ifdsPerPlane * image.SizeT;
        var ifdOfPlane = Enumerable.Repeat(-1, planeCount).ToArray();
        foreach (var data in image.TiffData)
        {
            if (data.Uuid is not null && fileUuid is not null && !string.Equals(data.Uuid, fileUuid, StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidImageException(
                    $"{fileName}: the OME-XML places planes of image {index} in another file ({data.Uuid}); multi-file OME-TIFF datasets are not supported.");
            }

            var firstIfd = data.Ifd ?? 0;
            var count = data.PlaneCount ?? (data.Ifd is null ? planeCount : 1);
            var first = OmeDimensionOrder.PlaneIndex(image.DimensionOrder, data.FirstZ, data.FirstC, data.FirstT, image.SizeZ, ifdsPerPlane, image.SizeT);
            if (firstIfd < 0 || count < 0 || first < 0)
            {
                throw new InvalidImageException($"{fileName}: a <TiffData> of OME image {index} has a negative IFD, plane or count.");
            }

            for (var k = 0; k < count && first + k < planeCount; k++)
            {
                ifdOfPlane[first + k] = firstIfd + k;
            }
        }

        for (var plane = 0; plane < planeCount; plane++)
        {
            var ifd = ifdOfPlane[plane];
            if (ifd < 0)
            {
                throw new InvalidImageException($"{fileName}: the OME-XML gives no IFD for plane {plane} of image {index} ({Describe(image, plane, ifdsPerPlane)}); the plane is missing.");
            }

            if (ifd >= file.Ifds.Count)
            {
                throw new InvalidImageException(
                    $"{fileName}: the OME-XML places plane {plane} of image {index} ({Describe(image, plane, ifdsPerPlane)}) in IFD {ifd}, but the file has only {file.Ifds.Count} IFDs; planes are missing.");
            }
        }

        return ifdOfPlane;
    }

    private static int[] MapSequential(OmeImage image, int index, List<int> main, ref int next, string fileName)
    {
        var planeCount = image.SizeZ * IfdsPerPlane(image, index, fileName) * image.SizeT;
        if (next + planeCount > main.Count)
        {
            throw new InvalidImageException(
                $"{fileName}: the OME-XML declares {planeCount} planes for image {index} after {next} earlier ones, but the file has only {main.Count} full-resolution IFDs; planes are missing.");
        }

        var ifdOfPlane = main.GetRange(next, planeCount).ToArray();
        next += planeCount;
        return ifdOfPlane;
    }

    /// <summary>Samples each IFD stores: those of the image's channels (an RGB channel has three), 1 when unsaid.</summary>
    private static int SamplesPerIfd(OmeImage image) =>
        image.Channels.Count > 0 ? Math.Max(1, image.Channels[0].SamplesPerPixel) : 1;

    /// <summary>How many IFDs one (z, t) plane takes: SizeC over the samples each IFD stores.</summary>
    private static int IfdsPerPlane(OmeImage image, int index, string fileName)
    {
        var samples = SamplesPerIfd(image);
        if (image.SizeC % samples != 0)
        {
            throw new InvalidImageException($"{fileName}: OME image {index} has SizeC {image.SizeC}, not a multiple of its {samples} samples per pixel.");
        }

        return image.SizeC / samples;
    }

    private static string Describe(OmeImage image, int plane, int ifdsPerPlane)
    {
        var sizes = new Dictionary<char, int> { ['Z'] = image.SizeZ, ['C'] = ifdsPerPlane, ['T'] = image.SizeT };
        var values = new Dictionary<char, int>();
        foreach (var dimension in image.DimensionOrder.AsSpan(2))
        {
            values[dimension] = plane % sizes[dimension];
            plane /= sizes[dimension];
        }

        return $"z {values['Z']}, c {values['C']}, t {values['T']}";
    }

    private static PixelType ParsePixelType(string type, int index, string fileName) => type switch
    {
        "uint8" => PixelType.UInt8,
        "int8" => PixelType.Int8,
        "uint16" => PixelType.UInt16,
        "int16" => PixelType.Int16,
        "uint32" => PixelType.UInt32,
        "int32" => PixelType.Int32,
        "float" => PixelType.Float32,
        "double" => PixelType.Float64,
        _ => throw new InvalidImageException($"{fileName}: OME image {index} has pixel type \"{type}\", which Minerva cannot read."),
    };
}
