/** The output stage: SARIF (GitHub-limited), JSON, SBOM, GitLab reports, summary and text, through one masking pass. */
export { renderReport, writeReports, type ReportRequest, type WrittenReports } from './write';
