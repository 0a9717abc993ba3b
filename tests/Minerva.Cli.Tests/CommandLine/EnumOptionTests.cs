using Minerva.Cli.Api;
using Minerva.Cli.CommandLine;

namespace Minerva.Cli.Tests.CommandLine;

public class EnumOptionTests
{
    [Theory]
    [InlineData("Archive", "Archive")]
    [InlineData("live", "Live")]
    [InlineData("DESTROY", "Destroy")]
    public void TryParse_NameInAnyCase_Parsed(string text, string expected)
    {
        Assert.True(EnumOption.TryParse<RawStorage>(text, out var value));
        Assert.Equal(expected, value.ToString());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("")]
    [InlineData("Glacier")]
    public void TryParse_NumberOrUnknownName_Rejected(string text) => Assert.False(EnumOption.TryParse<RawStorage>(text, out _));

    [Fact]
    public void Problem_ListsTheAcceptedValues() =>
        Assert.Equal("--on-conflict 'x' is not one of Ignore, Replace, Rename", EnumOption.Problem<OnConflict>("--on-conflict", "x"));
}
