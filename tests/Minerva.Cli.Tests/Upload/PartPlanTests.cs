using Minerva.Cli.Upload;

namespace Minerva.Cli.Tests.Upload;

public class PartPlanTests
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(0L, 1)]
    [InlineData(1L, 1)]
    [InlineData(16 * MiB, 1)]
    [InlineData(16 * MiB + 1, 2)]
    [InlineData(100 * MiB, 7)]
    public void For_DefaultPartSize_CountCoversTheFile(long size, int count)
    {
        var plan = PartPlan.For(size);

        Assert.Equal((16 * MiB, count), (plan.PartSize, plan.Count));
        Assert.Equal(size, Enumerable.Range(1, plan.Count).Sum(n => plan.Part(n).Length));
    }

    [Fact]
    public void Part_LastPart_IsTheRemainder()
    {
        var plan = PartPlan.For(16 * MiB + 5);

        Assert.Equal((0L, 16 * MiB), plan.Part(1));
        Assert.Equal((16 * MiB, 5L), plan.Part(2));
    }

    [Theory]
    [InlineData(200_000_000_000L)]
    [InlineData(5L * 1024 * 1024 * 1024 * 1024)]
    public void For_HugeFile_PartsGrowToStayWithinTenThousand(long size)
    {
        var plan = PartPlan.For(size);

        Assert.True(plan.Count <= PartPlan.MaxParts, $"{plan.Count} parts");
        Assert.Equal(0, plan.PartSize % MiB);
        Assert.Equal(size, Enumerable.Range(1, plan.Count).Sum(n => plan.Part(n).Length));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Part_NumberOutsideThePlan_Throws(int number) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PartPlan.For(20 * MiB).Part(number));

    [Fact]
    public void For_PartSizeBelowS3Minimum_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => PartPlan.For(100, PartPlan.MinPartSize - 1));
}
