namespace Minerva.Host.Tests.Resilience;

/// <summary>Host settings the resilience tests share.</summary>
internal static class Settings
{
    /// <summary>
    /// 64-pixel chunks, regions of one chunk and activities of one region: the 2-channel test images become hundreds of
    /// region activities (198 at 600×400, 364 at 800×600): a build long enough to be interrupted, in batches of several
    /// sub-orchestrations per level.
    /// </summary>
    public static readonly (string, string)[] ManyRegions =
    [
        ("Minerva:Tiling:ChunkSize", "64"), ("Minerva:Tiling:RegionBytes", "8192"), ("Minerva:Tiling:ActivityBytes", "8192"),
    ];
}
