<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Portal Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal Desk %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A workspace for research-data caseworkers, output supervisors and health-sector security coordinators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal Desk is licensed under %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Libraries and their licences</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One row per library: name, version and licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt for Python (PySide6) is used under the GNU LGPL version 3; its source is available from the Qt Project. The full licence texts are installed with each library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AckBar</name>
    <message>
        <source>Acknowledgement progress</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AckBoard</name>
    <message>
        <source>Acknowledgements in numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue — follow up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List the organisations that have not acknowledged in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rows shown as a CSV file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients and their acknowledgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed from the offline copy; asking the portal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed from the offline copy (the portal could not be asked: %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No warning selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This warning is not in the offline copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 acknowledged late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1 · acknowledge by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: these organisations would receive it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This warning is %1: it asks for no acknowledgement and nobody is overdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the portal, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed from the offline copy, %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show overdue (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged at (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First acknowledged at (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minutes to acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export acknowledgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 rows to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AckBoardModel</name>
    <message>
        <source>Organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sector</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time to acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OVERDUE — follow up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>late (after the deadline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(revision %1: %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First acknowledged %1; last changed %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicationDetail</name>
    <message>
        <source>Application detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an application to see its details.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certified until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certification lapsed on %1 — cannot be approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certification unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>round %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Requested variables</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review history</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reviews yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive (%1): %2 approvals needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard: %1 approvals needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail is unavailable offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the audit trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No audit entries for this case yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry hash %1, chained to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the first %1 entries are shown; the Audit page has them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resubmitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again to see the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail cannot be read now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail cannot be read now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a caseworker</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicationsView</name>
    <message>
        <source>Search title, purpose, institution, register or applicant…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive registers: three approvals needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApprovalsView</name>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only those I can review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only those I cannot review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the queue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications waiting for review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑/↓ or J/K move · Enter read the case · A approve · R reject · T return · N next you can review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Institution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the %2 approvals needed in this round</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why you cannot decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve  (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reject  (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;turn  (T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next  (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next application you can review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑/↓ or J/K — previous / next application in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter — read the selected case (Esc back to the queue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A — approve (asks to confirm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R — reject (a reason is required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T or U — return to the applicant (a reason is required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N — next application you can review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting · %2 you can review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of your decisions not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing else in the queue that you can review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application in the queue matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No applications are waiting for review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your earlier decision was refused by the portal (%1); see Needs attention. You can decide again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You reviewed this application: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot decide on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 of %3 approvals so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your approval would be the %1 of %2 — the last one needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your approval would be the %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve as the %1 of %2 (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject with a reason; this ends the application (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return to the applicant with a reason (T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sensitive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sensitive registers (%1): %2 approvals needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard registers: %1 approvals needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>can review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already reviewed by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>conflict of interest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certification lapsed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>certification unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent, waiting for the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already decided</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>caseworkers only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have already reviewed this application (%1 %2); another caseworker must decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody reviews the same application twice, in any round.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You declared a conflict of interest with %1; another caseworker must decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is your own application; another caseworker must decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be approved: the applicant&apos;s certification lapsed on %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot be approved: the applicant&apos;s certification is not known to be valid.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You may still reject or return it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your %1 is %2 and is sent at the next sync. You cannot decide again until the portal has answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your decision was sent; the portal&apos;s updated case arrives with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This application is already decided (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only caseworkers review applications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve %1 (as the %2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not queued: %1 changed while you were deciding. Check it and decide again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued: %1. Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued: %1. You are offline: it is sent when the portal can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal refused %1 of your decisions: see Needs attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: the portal accepted your decisions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttentionView</name>
    <message>
        <source>Someone changed the case before your action arrived.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have already reviewed this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case was already decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You declared a conflict of interest with this institution.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant&apos;s certification has lapsed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A comment is required.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The author cannot co-sign their own warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A second coordinator must co-sign first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions the portal refused when they were sent. Your action is shown beside the case as it is on the portal now: discard it, or open the case and act again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing needs your attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused by the portal (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the portal now: %1, version %2, updated %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Latest decision there: %1 — %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this refused action from the list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>#</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (signing in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything done on the portal is recorded in a hash-chained trail: each entry&apos;s hash covers the one before it, so a changed or removed entry shows. You see the entries about what you may see and your own actions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a colleague or type a user id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any entity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case id, e.g. APP-2026-0001</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done or refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Person:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the entries shown, with their hashes, as a CSV file for an auditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask the portal to recompute every hash of the whole trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors and administrators can verify the whole chain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying the whole chain is for supervisors and administrators.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the first bad entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail is read from the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy entry as JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entry detail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous hash:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the audit trail from the portal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, from entry #%1 on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> — only the first %1 are shown; narrow the filter to see the rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal cannot be reached. The audit trail is kept on the portal only; try again when you are online.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again to read the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The audit trail cannot be read now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal is recomputing every hash of the trail…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ The chain is intact: all %1 entries check out (verified %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ The chain is broken: entry #%1 is the first that was changed, removed or reordered (%2 entries read, verified %3).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chain could not be verified: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export audit trail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 entries exported to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+C — copy the selected entries&apos; hashes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this chart as a PNG image or a PDF document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As PNG image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As PDF document…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a bar or point to open the matching list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a bar or point to open the matching list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chart could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChartPainter</name>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count below minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zero cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dominance (top contributors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p% rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPR number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVR number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row-level microdata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File a person must check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contributor figures do not match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contributor figures missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative contributions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACRO: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hospitals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GPs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care homes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capital
Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region
Zealand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Southern
Denmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central
Denmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>North
Denmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elevated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week starting Monday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications waiting for a decision, by age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application is waiting for a decision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>over %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No approval yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age in working days (Mon–Fri; Danish public holidays not counted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age in working days (Mon–Fri)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting on %2 — past 5 working days: %3 · past 10: %4 · past 20: %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals given per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By colleagues</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, week of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, %1 of them by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications waiting for a decision over time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No days in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting at the end of the day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting at the end of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 at the start, %3 at the end, at most %4 — end of each day, rebuilt from submissions and decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs submitted, sampled and withheld per week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampled for a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, by week of submission: %2 submitted, %3 sampled, %4 withheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random sample rate by risk class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No output was drawn in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampled (observed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Configured probability</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampled outputs, risk class %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
(%2 drawn)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of outputs sampled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 draws; base rate %3, raised by risk factors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 sampled, configured %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic-check findings by rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No findings in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs with findings: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1 findings)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs with at least one finding of the rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 outputs flagged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; %1 more rules not shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgements of open warnings against their deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No warning is open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by the deadline · %2 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the addressed organisations that acknowledged; dashed line: the deadline; dot: the share at the deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · the %1 most recent of %2 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a curve to open its warning.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients that missed an acknowledgement deadline, by sector and region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients overdue with an acknowledgement, by sector and region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No recipient is overdue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every recipient acknowledged in time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 organisations; number of organisations in each cell (totals in brackets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a cell to open the warnings those organisations are overdue on.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CsvModel</name>
    <message>
        <source>%1, flagged: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data row %1 (the check counts from 0: row %2)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computing from the offline copy…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your roles have no charts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the offline copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, last synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, not synced yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · %1 of your actions are waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last %1 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chart cannot be drawn: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The dashboard cannot be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <source>Portal Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No keyring</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This computer has no usable keyring. Your session is kept in memory only and your offline copy is encrypted with a key derived from your password: you will sign in again after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Checksum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the file from the portal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings of the automatic check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a finding, or press F / Shift+F, to select its cell.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 recorded at submission: %1 (checked when the file arrives)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✔ SHA-256 verified: the file received is the one the portal checked (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No checksum was recorded for this file; SHA-256 of what arrived: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ CHECKSUM MISMATCH — the file received is NOT the one the portal checked. Do not release it. Recorded %1, received %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal&apos;s answer named %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No findings in this file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click a finding, or press F / Shift+F, to select its line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic check found nothing in this file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title lines above the table: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read as ACRO wrote it: %1 header rows joined with &quot; / &quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown as text: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image %1, %2 × %3 pixels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 pixels. The automatic check cannot read images: look at it yourself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file needs a person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The automatic check cannot read a file of this kind (%1), and Portal Desk does not show it. Ask the researcher for a checkable version, or judge it from what you know of the project.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Portal Desk — %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output transfers held for a person: sampled or flagged by the automatic check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security warnings to the health sector and who has acknowledged them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Monthly report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search on this page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Portal Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Monthly report saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new language or portal is used the next time Portal Desk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This page has no search field.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out of Portal Desk?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 actions have not been sent yet. They stay in the offline copy unless you remove it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out, keep offline copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign out and remove offline copy</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MonthlyReportDialog</name>
    <message>
        <source>Monthly report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (so far)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>output checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>security warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A PDF for management with one page per area — %1 — each with the month&apos;s figures and a short table of numbers, made from your offline copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save monthly report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotificationBanner</name>
    <message>
        <source>Notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open this warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Portal Desk</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputChecksView</name>
    <message>
        <source>Output checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held — waiting for supervisors</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held — only those I can review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released after a check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided (released or withheld)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All outputs, clean ones too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request sample…  (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request a management sample of a project or a researcher (M)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampling overview  (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples drawn against samples expected, per risk class (O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors request management samples.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs held for a check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑/↓ or J/K move · Enter read the files · R release · W withhold · N next you can review · F next finding · ] next file · M sample · O overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Researcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Releases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of the %2 distinct releases needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why you cannot decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Release  (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withhold  (W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next  (N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to the next output you can review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>↑/↓ or J/K — previous / next output in the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter — read the output&apos;s files (Esc back to the queue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R — release (asks to confirm; a flagged output needs two supervisors)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W — withhold (a reason is required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N — next output you can review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F / Shift+F — next / previous finding (selects its cell)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>] / [ — next / previous file of the output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>M — request a management sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O — sampling overview: drawn against expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From the dashboard: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 held · %2 you can review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of your verdicts not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 sample requests not sent yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing else in the queue that you can review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No output selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it is held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it was held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clean and not sampled: it was released at once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Researcher: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Submitted %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The researcher&apos;s note:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reviews (%1 of %2 releases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No supervisor has reviewed it yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your %1 is waiting to be sent (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit trail of this output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No outputs are waiting for a check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release is off: the checksum of %1 does not match what the portal checked. Withhold it, or open it again to fetch the files anew.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your earlier verdict was refused by the portal (%1); see Needs attention. You can decide again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The checksum of %1 does not match; release is off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pending: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You reviewed this output: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You cannot decide on %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your release would be the only one needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your release would be %1 of %2 — the last one needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your release would be %1 of %2 releases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You released it; a second supervisor must release it too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You released it; %1 more supervisors must release it too</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release as %1 of %2 releases (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release: the one release needed (R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withhold with a reason; this ends it (W)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>withhold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new researcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sensitive register</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 earlier breach</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 earlier breaches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Random sample (drawn at %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk-based sample (drawn at %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management sample requested by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic check failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic check asks for a person: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>random sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>risk sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>management sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>clean, not sampled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed: no findings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>can review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>refused earlier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you released it; needs a second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>already reviewed by you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your own output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent, waiting for the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>supervisors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(your release: %1). Nobody reviews the same output twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You have already reviewed this output (%1 %2); another supervisor must decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You submitted this output; another supervisor must decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your %1 is %2 and is sent at the next sync. You cannot decide again until the portal has answered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your verdict was sent; the portal&apos;s updated output arrives with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This output is already decided (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors review outputs: admin has no approving role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only supervisors review outputs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible: a file&apos;s checksum does not match what the portal checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1 (%2 of %3 releases)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withhold %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not queued: %1 changed while you were deciding. Check it and decide again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued: %1. Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued: %1. You are offline: it is sent when the portal can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management sample of %1 (%2 outputs): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal refused %1 of your actions: see Needs attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent: the portal accepted your actions.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputReviewDialog</name>
    <message>
        <source>Release output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1 as release %2 of %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the last release needed: the output leaves the research machine for the researcher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 of 2 releases: the automatic check flagged this output, so after yours a second supervisor must release it too. It stays held until then.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After yours, %1 more releases from other supervisors are needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One release is needed for this clean, sampled output: it leaves the research machine for the researcher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withhold output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withhold %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A withhold ends it: the output does not leave the research machine. Say why; the researcher reads it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withhold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not every file has been checked against its SHA-256 yet (%1). You have not seen what you are releasing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The researcher reads this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the record (optional).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a reason to enable %1. Esc cancels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter to confirm, Esc to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OutputViewer</name>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an output in the queue to read its files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2, %3 findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(other)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These findings name files that are not in this output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This output has no files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal did not hand out this file (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be fetched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal could not be reached: file contents need the portal. The findings below come from the offline copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✖ A file&apos;s checksum does not match: what you see is not what the portal checked. Do not release this output.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file contents need the portal, and you are offline. The findings of the automatic check (from the offline copy) are listed beside; the file is shown when the portal can be reached again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: file contents need the portal. The findings come from the offline copy.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QStatusBar</name>
    <message>
        <source>Connection state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing… %1 changes received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Sign-in needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Online</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working offline: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working offline from the copy on this computer</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecipientPreview</name>
    <message>
        <source>Update — revision %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no title yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vulnerabilities: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please acknowledge this warning within %1 of receiving it: received, mitigated or not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPainter</name>
    <message>
        <source>Portal Desk monthly report, %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Output checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgements of the warnings sent in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal Desk · made %1 from the offline copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (last synced %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working days: Monday to Friday; Danish public holidays are not counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications received (resubmissions included)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decisions: approved / rejected / returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approvals given by caseworkers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median working days from submission to decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for a decision at the end of the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… of which past 5 / 10 / 20 working days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outputs submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flagged by the automatic check (review or fail)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sampled for a person: random / risk-based / management</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of this month&apos;s outputs: released / withheld so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held for a person now (all months)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations addressed (one per warning)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged by the deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledged by the end of the month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations that missed a deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In numbers</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RetractDialog</name>
    <message>
        <source>Retract %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retract “%1”? Recipients see the reason; the warning asks for no further acknowledgement.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it is retracted (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the reason first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Approve application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve %1 as the %2 of %3?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is the last approval needed: the application will be approved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After yours, one more approval from another caseworker is needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After yours, %1 more approvals from other caseworkers are needed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A rejection ends the application. Give the reason; the applicant sees it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return %1 to the applicant?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applicant can change and resubmit it. Say what must change; the applicant sees it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — sensitive, %2 approvals needed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why? The applicant reads this.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter to confirm, Esc to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a reason to enable %1. Esc cancels.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SampleDialog</name>
    <message>
        <source>Request a management sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hold outputs of a project or a researcher for a supervisor&apos;s check. The newest outputs that are still held are taken, up to the number you ask for; released ones have left the research machines and cannot be recalled, withheld ones are decided.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A &amp;project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A r&amp;esearcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Project or researcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number of outputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why this sample? It is recorded with the sample and in the audit trail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sample of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Which:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outputs, at most:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request sample</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (%3 outputs, %4 held)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 (%3, %4 outputs)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>project %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>researcher %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to choose from in the offline copy yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None of its outputs is held now: the sample is recorded with no outputs (as far as this copy knows).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of its outputs are held now; %2 would be taken (as far as this copy knows).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter to request, Esc to cancel.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose a project or a researcher.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a reason to enable Request sample. Esc cancels.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reason is too long (at most %1 characters).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SamplingOverviewDialog</name>
    <message>
        <source>Sampling overview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verdict on the draws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Samples drawn and expected per risk class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Risk class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected samples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Observed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expected range (95 %)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate: observed / expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In words</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every submission is drawn with its own probability (a base rate raised by risk factors). Expected samples are the sum of those probabilities; the range is expected ± 1.96 standard deviations. An honest draw lands outside the range about 1 time in 20 per row: a single miss is not proof of anything, but a class far outside, or outside again and again, is worth a closer look at its draw records (each can be recomputed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offline: computed from the draws in the offline copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking the portal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal&apos;s count over every output, as of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal did not answer (%1): computed from the draws in the offline copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 outputs in the copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Base (no risk factor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Elevated (one risk factor)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High (two or more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no draws</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within the expected range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fewer samples than expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more samples than expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Management samples: %1, holding %2 outputs. They are chosen by supervisors, not drawn, and are not counted above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rates in force: base %1; + %2 for a new researcher (fewer than %3 earlier outputs); + %4 per earlier breach; + %5 for a sensitive register; never above %6.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No draws yet: nothing to judge.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The draws are within the expected range: %1 samples drawn in %2 draws, where %3 to %4 were expected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 drawn where %3 to %4 were expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outside the expected range — %1. Chance does this about 1 time in 20 per class; look at the draw records.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The language of menus, buttons and messages, and the format of dates and numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The system&apos;s language (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync interval in seconds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sync every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty: the demo portal on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>https address of the portal; empty for the demo portal on this computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Portal:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to the language and the portal take effect the next time Portal Desk starts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings are kept in %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter the portal&apos;s https address, e.g. https://portal.example.org (plain http is allowed only on this computer).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab and Shift+Tab move between controls; Space or Enter operates the one with the focus; the arrow keys move in lists and tables. Menus open with Alt and the underlined letter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grouped by where they work: keys, then what they do</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab / Shift+Tab — next / previous control</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Space — press the button or tick the box that has the focus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alt+letter — open a menu (the underlined letter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc — close a dialog without changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (open now)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Portal Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal Desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again to send your queued actions; nothing you did is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your password and the 6-digit code from your authenticator app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Portal: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Six-digit code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill demo code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computes the current code of a demo user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the encrypted copy on this computer without the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo portal on this computer. Every demo user&apos;s password is “demo”; “Fill demo code” computes the code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>embedded demo portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Starting demo portal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed attempts. You can try again in %1 min %2 s.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong username, password or code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This code was already used. Wait for the next code (in about %1 s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Too many failed attempts. Try again in %1 minutes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal refused the sign-in: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This portal address is not secure (https is required).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal cannot be reached. You can work offline with the copy on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal cannot be reached. Check the network and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal answered with an error. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The offline copy cannot be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WarningComposeDialog</name>
    <message>
        <source>New warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New revision of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What is it, in one line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What recipients must know first (plain text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details, indicators and what to do (plain text)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic Light Protocol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge within (hours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVE-2024-3400, CVE-2023-4966</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVE ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed in this revision (recipients see it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What changed:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLP:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge within:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVEs:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A revision is sent to everyone who received the warning (and anyone you add); it cannot drop an organisation already warned. Recipients are asked to acknowledge it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How recipients see it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Each organisation sees the warning as plain text, never who else received it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it cannot be saved yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Organisations reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors and regions together mean: those sectors within those regions. Regions alone: every organisation in them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear sectors and regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLP:RED goes to named organisations only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named organisations:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search by name, id, sector or region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only chosen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaches no organisation yet: choose sectors, regions or named organisations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaches 1 organisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reaches %1 organisations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(%1 by sector or region, %2 named)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a title.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title must be one line of plain text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The title is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a summary.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary contains control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The summary is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body contains control characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The body is too long.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a CVE id (CVE-YYYY-NNNN): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“Valid until” must be in the future.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose who receives it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what changed in this revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A revision cannot drop organisations already warned: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Editing needs the portal: you are offline. (An edit is checked against the current version, so it is not queued.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has changed yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a CVE id: %1 — write them as CVE-2024-3400.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 CVE id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 CVE ids</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional; separate several with commas.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLP:RED goes to named organisations only. It can be saved like this, but Send stays greyed until the sectors and regions are cleared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLP:RED: only the named organisations below receive it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue (offline)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes on the portal; an edit clears an earlier co-sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You are offline: it is queued and sent when the portal can be reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save on the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New warning draft: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision of %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sending to the portal…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal refused it (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has expired: sign in again, then save. Your changes are still here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone changed this warning meanwhile. Close, sync and edit it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your changes are still here; try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WarningDetail</name>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New revision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retract…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why an action is not possible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No warning selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No warnings in this section.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgements (%1 overdue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revisions (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retracted %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vulnerabilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>People</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Within %1 hours of sending.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due %1 (revision %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Written by %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edited by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-signed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First sent %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1, in preparation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a second coordinator&apos;s co-sign before it is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-signed by %1: ready to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to send (no co-sign needed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepared by %1, %2. %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New title: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not sent yet: no revisions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>co-signed by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WarningsModel</name>
    <message>
        <source>ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge by %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WarningsView</name>
    <message>
        <source>Warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search title or id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search warnings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New warning…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actions waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only coordinators write warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>someone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 warnings · %2 sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 awaiting co-sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 overdue acknowledgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting co-sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts that need no co-sign and have none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drafts and prepared revisions that need a second coordinator&apos;s co-sign, or are co-signed and ready to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent warnings, with their acknowledgements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent warnings with recipients past the acknowledgement deadline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Past their “valid until”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn, with the reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft — awaiting co-sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft — co-signed, ready to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent (revision %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>awaiting co-sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>co-signed, ready to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ready to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revision %1 prepared, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queued: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>create</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>co-sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>discard revision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>body</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>severity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLP</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>recipients</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVEs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>acknowledgement time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>valid until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sectors: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Named: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Would reach %1 organisations if sent now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to %1 organisations.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only security coordinators write, co-sign and send warnings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-sign: you wrote or edited this text, so another coordinator must co-sign it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already co-signed by %1; an edit would clear the co-sign.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revision of a high or critical warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send: a %1 needs a second coordinator&apos;s co-sign first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A co-sign is queued; send after the portal has accepted it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send: TLP:RED goes to named organisations only — edit it and clear the sectors and regions.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send: its “valid until” has passed; edit it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send: the recipients reach no organisation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send: this revision would drop organisations already warned.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is being prepared: a sent warning changes through a new revision.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is already queued and is sent with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 needs the portal, and you are offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision %1 is already being prepared: edit, send or discard it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No revision is being prepared.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only a sent warning can be %1 (this one is %2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>revised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>retracted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change the text or recipients (clears an earlier co-sign)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve this text as the second coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send it to %1 organisations now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Prepare a correction or update; recipients acknowledge it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop the revision being prepared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw the warning, with a reason recipients see</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not possible: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-sign %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You confirm, as the second coordinator, that “%1” may be sent as it is now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send %1?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send “%1” to %2 organisations now? They are asked to acknowledge it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard the revision?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop revision %1 of %2? The sent text stays as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not queued: this warning changed meanwhile. Check it and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Co-sign %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retract %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued: %1. Sending…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued: %1. You are offline: it is sent when the portal can be reached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discarding the revision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The revision was discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your session has expired: sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal refused it (%1): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued: it is sent to the portal with the next sync.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft %1 saved on the portal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revision prepared for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changes to %1 saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The portal refused “%1”: %2. See Needs attention.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 organisations have not acknowledged “%2” in time. Follow them up on its acknowledgement board.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New critical warning: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Warnings: select a row to see its text, acknowledgements and revisions</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Count below the minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zero cell</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dominance: few contributors hold most of the total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p% rule: a contributor can be estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPR number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVR number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row-level microdata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contributor figures missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contributor figures do not fit the table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative contribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACRO&apos;s verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACRO: count below the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACRO: p-ratio</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACRO: dominance (N-k rule)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACRO: all values the same</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACRO: missing values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACRO: negative values</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACRO: zero cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACRO: degrees of freedom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>small counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>zero cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dominance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>p%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CPR numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CVR numbers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>microdata</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>needs a person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contributors missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contributors mismatch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>negative contribution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACRO verdict</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACRO %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>magnitude table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>contributor figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>program log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Office document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ACRO results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>empty file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minimum %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Row %1 · %2 (not found in the file as shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line %1 (not in the file as shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Column %1 (not found in the file as shown)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Whole file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>value %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withheld</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Medium</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>High</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Researcher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The portal address must use https (plain http is allowed only on this computer).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ordinal</name>
    <message>
        <source>1st</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2nd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>3rd</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1th</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>tlp</name>
    <message>
        <source>For the eyes and ears of individual recipients only, no further disclosure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limited disclosure, restricted to the recipient&apos;s organisation only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limited disclosure: recipients may share it on a need-to-know basis within their organisation and its clients.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Limited disclosure: recipients may share it within their community, not publicly.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disclosure is not limited: recipients may share it with the world.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traffic Light Protocol: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <source>Hospital</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GP clinic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Care home</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hospitals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GP clinics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>care homes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>regions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>municipalities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capital Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region Zealand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region of Southern Denmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Central Denmark Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>North Denmark Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not affected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no recipients yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1/%2 acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 never acknowledged</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
