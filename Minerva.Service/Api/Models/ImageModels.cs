using Minerva.Service.Records;

namespace Minerva.Service.Api.Models;

public sealed record ChannelResponse(string Label, string Color);

/// <summary>An image as listed inside its fileset, with its signed links (<see cref="ImageLinks"/>).</summary>
public sealed record ImageSummary(
    string Uuid,
    string Name,
    string Location,
    int Levels,
    IReadOnlyList<long> Shape,
    string Dtype,
    IReadOnlyList<ChannelResponse> Channels,
    string Sha256,
    string ZarrUrl,
    string ViewerUrl)
{
    public static ImageSummary From(ImageRecord i, ImageUrls urls) =>
        new(i.Uuid, i.Name, i.Location, i.Levels, i.Shape, i.Dtype, ChannelsOf(i), i.Sha256, urls.ZarrUrl, urls.ViewerUrl);

    internal static ChannelResponse[] ChannelsOf(ImageRecord i) => [.. i.Channels.Select(c => new ChannelResponse(c.Label, c.Color))];
}

/// <summary>GET /image/{uuid}, with the image's signed links (<see cref="ImageLinks"/>).</summary>
public sealed record ImageResponse(
    string Uuid,
    string Name,
    string FilesetUuid,
    string RepositoryUuid,
    string Location,
    int Levels,
    IReadOnlyList<long> Shape,
    string Dtype,
    IReadOnlyList<ChannelResponse> Channels,
    string Sha256,
    DateTimeOffset Created,
    string ZarrUrl,
    string ViewerUrl)
{
    public static ImageResponse From(ImageRecord i, ImageUrls urls) => new(
        i.Uuid, i.Name, i.FilesetUuid, i.RepositoryUuid, i.Location, i.Levels, i.Shape, i.Dtype, ImageSummary.ChannelsOf(i), i.Sha256, i.Created,
        urls.ZarrUrl, urls.ViewerUrl);
}

/// <summary>One imported file and the images it produced.</summary>
public sealed record FilesetResponse(
    string Uuid,
    string Name,
    string Reader,
    bool Complete,
    FilesetStatus Status,
    double Progress,
    string? Error,
    IReadOnlyList<ImageSummary> Images)
{
    public static FilesetResponse From(FilesetRecord f, IEnumerable<ImageRecord> images, Func<ImageRecord, ImageUrls> urls) =>
        new(f.Uuid, f.Name, f.Reader, f.Complete, f.Status, f.Progress, f.Error, [.. images.Select(i => ImageSummary.From(i, urls(i)))]);
}
