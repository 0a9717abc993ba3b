using Minerva.Tiling.Pyramid;

namespace Minerva.Tiling.Zarr;

/// <summary>A written series: its plan and each channel's data range (merged over its level-0 regions).</summary>
public sealed record SeriesPyramid(PyramidPlan Plan, IReadOnlyList<ChannelRange> Windows);
