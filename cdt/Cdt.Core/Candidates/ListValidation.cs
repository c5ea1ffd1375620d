using Cdt.Storage;

namespace Cdt.Candidates;

/// <summary>The validate operation: read the list and its record, check both against the inventory.</summary>
public static class ListValidation
{
    /// <param name="package">The package in use, if known: a list without a generation record is then held to its eligibility.</param>
    public static ValidationResult ValidateFile(IFileStore files, string listPath, string inventoryPath, Config.PackageSpec? package = null) =>
        ValidateBytes(files, listPath, null, inventoryPath, package);

    /// <summary>Validates content as if it were the list at <paramref name="listPath"/> (used by edit on its copy).</summary>
    public static ValidationResult ValidateBytes(IFileStore files, string listPath, byte[]? content, string inventoryPath, Config.PackageSpec? package = null)
    {
        var file = content is null ? CandidatesCsvReader.ReadFile(files, listPath) : CandidatesCsvReader.Read(listPath, content);
        var record = GenerationRecordStore.TryRead(files, listPath, out var recordError);
        return CandidatesValidator.Validate(file, record, recordError, new FileInventoryView(files, inventoryPath, package)) with { ForRemoval = record?.Uninstall };
    }
}
