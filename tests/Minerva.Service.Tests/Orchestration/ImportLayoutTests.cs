using Minerva.Service.Orchestration;

namespace Minerva.Service.Tests.Orchestration;

public sealed class ImportLayoutTests
{
    private const string Import = "0b6c1b9e-2d4f-4a43-9d2c-5a1f3e7d9c11";

    [Fact]
    public void ImageLocation_SeriesGroup_LiesUnderItsFilesZarrRootAndTheImportsOutputPrefix()
    {
        string root = ImportLayout.ZarrRoot(Import, "f1");

        string location = ImportLayout.ImageLocation(root, 2);

        Assert.Equal($"zarr/{Import}/f1.ome.zarr/2", location);
        Assert.Equal(root, ImportLayout.RootOf(location));
        Assert.StartsWith(ImportLayout.OutputPrefix(Import), location);
    }

    [Fact]
    public void FileName_KeyUnderUploadPrefix_IsItsRelativePath() =>
        Assert.Equal("run 1/slide.ome.tiff", ImportLayout.FileName(Import, $"imports/{Import}/run 1/slide.ome.tiff"));

    [Fact]
    public void FilesetInstanceId_StartsWithTheChildPrefix() =>
        Assert.StartsWith(ImportLayout.ChildInstancePrefix(Import), ImportLayout.FilesetInstanceId(Import, 3));
}
