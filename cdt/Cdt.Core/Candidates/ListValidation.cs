using Cdt.Storage;

namespace Cdt.Candidates;

/// <summary>The validate operation: read the list and its record, check both against the inventory.</summary>
public static class ListValidation
{
    public static ValidationResult ValidateFile(IFileStore files, string listPath, string inventoryPath) =>
        ValidateBytes(files, listPath, null, inventoryPath);

    /// <summary>Validates content as if it were the list at <paramref name="listPath"/> (used by edit on its copy).</summary>
    public static ValidationResult ValidateBytes(IFileStore files, string listPath, byte[]? content, string inventoryPath)
    {
        var file = content is null ? CandidatesCsvReader.ReadFile(files, listPath) : CandidatesCsvReader.Read(listPath, content);
        var record = GenerationRecordStore.TryRead(files, listPath, out var recordError);
        return CandidatesValidator.Validate(file, record, recordError, new FileInventoryView(files, inventoryPath)) with { ForRemoval = record?.Uninstall };
    }
}
