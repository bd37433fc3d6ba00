<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="da_DK">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Portal Desk</source>
        <translation>Om Portal Desk</translation>
    </message>
    <message>
        <source>Portal Desk %1</source>
        <translation>Portal Desk %1</translation>
    </message>
    <message>
        <source>A workspace for research-data caseworkers, output supervisors and health-sector security coordinators.</source>
        <translation>Et arbejdsredskab for sagsbehandlere af forskningsdata, tilsynsførende for output og sikkerhedskoordinatorer i sundhedssektoren.</translation>
    </message>
    <message>
        <source>Portal Desk is licensed under %1.</source>
        <translation>Portal Desk er udgivet under licensen %1.</translation>
    </message>
    <message>
        <source>Libraries and their licences</source>
        <translation>Biblioteker og deres licenser</translation>
    </message>
    <message>
        <source>One row per library: name, version and licence</source>
        <translation>Én række pr. bibliotek: navn, version og licens</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliotek</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licens</translation>
    </message>
    <message>
        <source>Qt for Python (PySide6) is used under the GNU LGPL version 3; its source is available from the Qt Project. The full licence texts are installed with each library.</source>
        <translation>Qt for Python (PySide6) anvendes under GNU LGPL version 3; kildekoden kan fås fra Qt-projektet. De fulde licenstekster er installeret sammen med hvert bibliotek.</translation>
    </message>
    <message>
        <source>Portal&apos;s audit log key (pinned on first use), SHA-256 fingerprint:
%1</source>
        <translation>Portalens nøgle til revisionsloggen (fastlåst ved første brug), SHA-256-fingeraftryk:
%1</translation>
    </message>
    <message>
        <source>Portal&apos;s audit log key: not pinned yet (it is on the first sync).</source>
        <translation>Portalens nøgle til revisionsloggen: ikke fastlåst endnu (det sker ved første synkronisering).</translation>
    </message>
    <message>
        <source>Audit log key fingerprint</source>
        <translation>Fingeraftryk af revisionsloggens nøgle</translation>
    </message>
</context>
<context>
    <name>AckBar</name>
    <message>
        <source>Acknowledgement progress</source>
        <translation>Kvitteringer indtil nu</translation>
    </message>
</context>
<context>
    <name>AckBoard</name>
    <message>
        <source>Acknowledgements in numbers</source>
        <translation>Kvitteringer i tal</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <source>All sectors</source>
        <translation>Alle sektorer</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>All regions</source>
        <translation>Alle regioner</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Every state</source>
        <translation>Alle tilstande</translation>
    </message>
    <message>
        <source>Overdue — follow up</source>
        <translation>Over fristen — følg op</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>Ikke kvitteret</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Kvitteret</translation>
    </message>
    <message>
        <source>Show overdue</source>
        <translation>Vis dem over fristen</translation>
    </message>
    <message>
        <source>List the organisations that have not acknowledged in time</source>
        <translation>Vis de organisationer, der ikke har kvitteret i tide</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Eksportér CSV…</translation>
    </message>
    <message>
        <source>Save the rows shown as a CSV file</source>
        <translation>Gem de viste rækker som en CSV-fil</translation>
    </message>
    <message>
        <source>Recipients and their acknowledgements</source>
        <translation>Modtagere og deres kvitteringer</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Vis:</translation>
    </message>
    <message>
        <source>Computed from the offline copy; asking the portal…</source>
        <translation>Beregnet ud fra offlinekopien; spørger portalen…</translation>
    </message>
    <message>
        <source>Computed from the offline copy (the portal could not be asked: %1).</source>
        <translation>Beregnet ud fra offlinekopien (portalen kunne ikke spørges: %1).</translation>
    </message>
    <message>
        <source>No warning selected.</source>
        <translation>Ingen advarsel valgt.</translation>
    </message>
    <message>
        <source>This warning is not in the offline copy.</source>
        <translation>Denne advarsel er ikke i offlinekopien.</translation>
    </message>
    <message>
        <source>%1 acknowledged late</source>
        <translation>%1 kvitterede for sent</translation>
    </message>
    <message>
        <source>Revision %1 · acknowledge by %2</source>
        <translation>Udgave %1 · kvittér senest %2</translation>
    </message>
    <message>
        <source>Not sent yet: these organisations would receive it.</source>
        <translation>Ikke sendt endnu: disse organisationer ville modtage den.</translation>
    </message>
    <message>
        <source>This warning is %1: it asks for no acknowledgement and nobody is overdue.</source>
        <translation>Denne advarsel er %1: den beder ikke om kvittering, og ingen er over fristen.</translation>
    </message>
    <message>
        <source>From the portal, %1.</source>
        <translation>Fra portalen, %1.</translation>
    </message>
    <message>
        <source>Computed from the offline copy, %1.</source>
        <translation>Beregnet ud fra offlinekopien, %1.</translation>
    </message>
    <message>
        <source>Show overdue (%1)</source>
        <translation>Vis dem over fristen (%1)</translation>
    </message>
    <message>
        <source>Organisation ID</source>
        <translation>Organisations-id</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Acknowledged at (UTC)</source>
        <translation>Kvitteret (UTC)</translation>
    </message>
    <message>
        <source>First acknowledged at (UTC)</source>
        <translation>Først kvitteret (UTC)</translation>
    </message>
    <message>
        <source>Minutes to acknowledge</source>
        <translation>Minutter til kvittering</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Over fristen</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>For sent</translation>
    </message>
    <message>
        <source>Revision</source>
        <translation>Udgave</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Export acknowledgements</source>
        <translation>Eksportér kvitteringer</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-filer (*.csv)</translation>
    </message>
    <message>
        <source>Exported %1 rows to %2.</source>
        <translation>%1 rækker eksporteret til %2.</translation>
    </message>
</context>
<context>
    <name>AckBoardModel</name>
    <message>
        <source>Organisation</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Sector</source>
        <translation>Sektor</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tilstand</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Kvitteret</translation>
    </message>
    <message>
        <source>Time to acknowledge</source>
        <translation>Tid til kvittering</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Opfølgning</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>OVERDUE — follow up</source>
        <translation>OVER FRISTEN — følg op</translation>
    </message>
    <message>
        <source>late (after the deadline)</source>
        <translation>for sent (efter fristen)</translation>
    </message>
    <message>
        <source>in time</source>
        <translation>i tide</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>venter</translation>
    </message>
    <message>
        <source>(revision %1: %2)</source>
        <translation>(udgave %1: %2)</translation>
    </message>
    <message>
        <source>First acknowledged %1; last changed %2</source>
        <translation>Først kvitteret %1; sidst ændret %2</translation>
    </message>
</context>
<context>
    <name>AdminText</name>
    <message>
        <source>Waiting</source>
        <translation>Venter</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Godkendt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Afvist</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Udløbet</translation>
    </message>
    <message>
        <source>no roles</source>
        <translation>ingen roller</translation>
    </message>
    <message>
        <source>Create user %1 (%2) as %3</source>
        <translation>Opret brugeren %1 (%2) som %3</translation>
    </message>
    <message>
        <source>Give %1 the role %2 until %3</source>
        <translation>Giv %1 rollen %2 indtil %3</translation>
    </message>
    <message>
        <source>Give %1 the role %2</source>
        <translation>Giv %1 rollen %2</translation>
    </message>
    <message>
        <source>Take the role %2 from %1</source>
        <translation>Fjern rollen %2 fra %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>Set the declared conflicts of %1 to: %2</source>
        <translation>Sæt de erklærede interessekonflikter for %1 til: %2</translation>
    </message>
    <message>
        <source>Reset the password and authenticator of %1</source>
        <translation>Nulstil adgangskode og godkendelsesapp for %1</translation>
    </message>
    <message>
        <source>Deactivate %1</source>
        <translation>Deaktivér %1</translation>
    </message>
    <message>
        <source>Emergency access: %1 holds %2 now; ratify or it ends at %3</source>
        <translation>Nødadgang: %1 har %2 nu; godkend, ellers ophører den %3</translation>
    </message>
    <message>
        <source>This request is already decided or has expired.</source>
        <translation>Anmodningen er allerede afgjort eller er udløbet.</translation>
    </message>
    <message>
        <source>You made this request: another administrator must decide it.</source>
        <translation>Du har selv lavet anmodningen: en anden administrator skal afgøre den.</translation>
    </message>
    <message>
        <source>This request is about you: another administrator must decide it.</source>
        <translation>Anmodningen handler om dig: en anden administrator skal afgøre den.</translation>
    </message>
    <message>
        <source>You have approved it already: it needs another administrator.</source>
        <translation>Du har allerede godkendt den: den kræver en anden administrator.</translation>
    </message>
    <message>
        <source>A rejection needs a comment giving the reason.</source>
        <translation>En afvisning kræver en kommentar med begrundelsen.</translation>
    </message>
    <message>
        <source>Your decision is waiting to be sent; wait until the portal has answered.</source>
        <translation>Din afgørelse venter på at blive sendt; vent, til portalen har svaret.</translation>
    </message>
    <message>
        <source>Say why this change is needed.</source>
        <translation>Skriv, hvorfor ændringen er nødvendig.</translation>
    </message>
    <message>
        <source>Nobody asks for a change about themselves; another administrator must.</source>
        <translation>Ingen beder om en ændring om sig selv; det må en anden administrator gøre.</translation>
    </message>
    <message>
        <source>This would leave fewer than 2 active administrators.</source>
        <translation>Så ville der være færre end 2 aktive administratorer.</translation>
    </message>
    <message>
        <source>Nobody holds admin together with a deciding role (caseworker, supervisor or coordinator).</source>
        <translation>Ingen har administratorrollen sammen med en afgørende rolle (sagsbehandler, supervisor eller koordinator).</translation>
    </message>
    <message>
        <source>A username is 2 to 40 small letters, digits, dots, dashes or underscores, starting with a letter.</source>
        <translation>Et brugernavn er 2 til 40 små bogstaver, cifre, punktummer, bindestreger eller understreger og begynder med et bogstav.</translation>
    </message>
    <message>
        <source>Give the person&apos;s name.</source>
        <translation>Angiv personens navn.</translation>
    </message>
    <message>
        <source>Choose at least one role.</source>
        <translation>Vælg mindst én rolle.</translation>
    </message>
    <message>
        <source>Choose a role.</source>
        <translation>Vælg en rolle.</translation>
    </message>
    <message>
        <source>Choose a user.</source>
        <translation>Vælg en bruger.</translation>
    </message>
    <message>
        <source>Each conflict is an institution&apos;s name.</source>
        <translation>Hver interessekonflikt er navnet på en institution.</translation>
    </message>
    <message>
        <source>This username is taken.</source>
        <translation>Brugernavnet er optaget.</translation>
    </message>
    <message>
        <source>The user holds this role already.</source>
        <translation>Brugeren har allerede denne rolle.</translation>
    </message>
    <message>
        <source>The user does not hold this role.</source>
        <translation>Brugeren har ikke denne rolle.</translation>
    </message>
    <message>
        <source>A recipient or a security operations centre needs an organisation.</source>
        <translation>En modtager eller et sikkerhedsovervågningscenter skal høre til en organisation.</translation>
    </message>
</context>
<context>
    <name>AdminView</name>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
    <message>
        <source>Every change to users and roles is a request that another administrator approves (two when it grants administrator).</source>
        <translation>Enhver ændring af brugere og roller er en anmodning, som en anden administrator godkender (to, når den giver administratorrollen).</translation>
    </message>
    <message>
        <source>&amp;New user…</source>
        <translation>&amp;Ny bruger…</translation>
    </message>
    <message>
        <source>C&amp;hange selected user…</source>
        <translation>Æ&amp;ndr valgt bruger…</translation>
    </message>
    <message>
        <source>&amp;Emergency access…</source>
        <translation>&amp;Nødadgang…</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Brugere</translation>
    </message>
    <message>
        <source>Waiting for me</source>
        <translation>Venter på mig</translation>
    </message>
    <message>
        <source>Requests I made</source>
        <translation>Mine anmodninger</translation>
    </message>
    <message>
        <source>Recent decisions</source>
        <translation>Seneste afgørelser</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anmodning</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Hvad</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Asked by</source>
        <translation>Anmodet af</translation>
    </message>
    <message>
        <source>Comment (needed to reject)</source>
        <translation>Kommentar (kræves for at afvise)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>&amp;Godkend</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>&amp;Afvis</translation>
    </message>
    <message>
        <source>Show enrolment &amp;code…</source>
        <translation>Vis &amp;tilmeldingskode…</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anmodninger</translation>
    </message>
    <message>
        <source>Requests (%1 waiting)</source>
        <translation>Anmodninger (%1 venter)</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n approval(s)</source>
        <translation>
            <numerusform>%1 af %n godkendelse</numerusform>
            <numerusform>%1 af %n godkendelser</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a request to see it and decide.</source>
        <translation>Vælg en anmodning for at se og afgøre den.</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>Begrundelse: %1</translation>
    </message>
    <message>
        <source>Asked by %1 on %2; %3; expires %4</source>
        <translation>Anmodet af %1 den %2; %3; udløber %4</translation>
    </message>
    <message>
        <source>Rejected by %1: %2</source>
        <translation>Afvist af %1: %2</translation>
    </message>
    <message>
        <source>The portal refused your last action: %1</source>
        <translation>Portalen afviste din seneste handling: %1</translation>
    </message>
    <message>
        <source>Select a user on the Users tab first.</source>
        <translation>Vælg først en bruger under fanen Brugere.</translation>
    </message>
    <message>
        <source>Queued: %1. It is sent with the next sync.</source>
        <translation>I kø: %1. Den sendes ved næste synkronisering.</translation>
    </message>
    <message>
        <source>Approve %1</source>
        <translation>Godkend %1</translation>
    </message>
    <message>
        <source>Reject %1</source>
        <translation>Afvis %1</translation>
    </message>
    <message>
        <source>Emergency access: %1 as %2</source>
        <translation>Nødadgang: %1 som %2</translation>
    </message>
    <message>
        <source>The code could not be fetched: %1</source>
        <translation>Koden kunne ikke hentes: %1</translation>
    </message>
</context>
<context>
    <name>ApplicationDetail</name>
    <message>
        <source>Application detail</source>
        <translation>Ansøgningens detaljer</translation>
    </message>
    <message>
        <source>Select an application to see its details.</source>
        <translation>Vælg en ansøgning for at se detaljerne.</translation>
    </message>
    <message>
        <source>%1 of %2 approvals</source>
        <translation>%1 af %2 godkendelser</translation>
    </message>
    <message>
        <source>Certified until %1</source>
        <translation>Certificeret til og med %1</translation>
    </message>
    <message>
        <source>Certification lapsed on %1 — cannot be approved</source>
        <translation>Certificeringen udløb den %1 — kan ikke godkendes</translation>
    </message>
    <message>
        <source>Certification unknown</source>
        <translation>Certificering ukendt</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>round %1</source>
        <translation>runde %1</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Ansøger</translation>
    </message>
    <message>
        <source>Certification</source>
        <translation>Certificering</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Indsendt</translation>
    </message>
    <message>
        <source>Registers</source>
        <translation>Registre</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Hjemmel</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Formål</translation>
    </message>
    <message>
        <source>Requested variables</source>
        <translation>Ønskede variabler</translation>
    </message>
    <message>
        <source>Review history</source>
        <translation>Behandlingshistorik</translation>
    </message>
    <message>
        <source>No reviews yet.</source>
        <translation>Ingen behandlinger endnu.</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Revisionsspor</translation>
    </message>
    <message>
        <source>Sensitive (%1): %2 approvals needed</source>
        <translation>Følsomt (%1): %2 godkendelser kræves</translation>
    </message>
    <message>
        <source>Standard: %1 approvals needed</source>
        <translation>Almindelig: %1 godkendelser kræves</translation>
    </message>
    <message>
        <source>The audit trail is unavailable offline.</source>
        <translation>Revisionssporet er ikke tilgængeligt offline.</translation>
    </message>
    <message>
        <source>Loading the audit trail…</source>
        <translation>Henter revisionssporet…</translation>
    </message>
    <message>
        <source>No audit entries for this case yet.</source>
        <translation>Ingen poster i revisionssporet for denne sag endnu.</translation>
    </message>
    <message>
        <source>Entry hash %1, chained to %2</source>
        <translation>Postens hash %1, kædet til %2</translation>
    </message>
    <message>
        <source>Only the first %1 entries are shown; the Audit page has them all.</source>
        <translation>Kun de første %1 poster vises; siden Revisionsspor har dem alle.</translation>
    </message>
    <message>
        <source>submitted</source>
        <translation>indsendt</translation>
    </message>
    <message>
        <source>review</source>
        <translation>behandling</translation>
    </message>
    <message>
        <source>resubmitted</source>
        <translation>genindsendt</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>godkend</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>afvis</translation>
    </message>
    <message>
        <source>return</source>
        <translation>send tilbage</translation>
    </message>
    <message>
        <source>done</source>
        <translation>udført</translation>
    </message>
    <message>
        <source>refused: %1</source>
        <translation>afvist: %1</translation>
    </message>
    <message>
        <source>the portal</source>
        <translation>portalen</translation>
    </message>
    <message>
        <source>Sign in again to see the audit trail.</source>
        <translation>Log ind igen for at se revisionssporet.</translation>
    </message>
    <message>
        <source>The audit trail cannot be read now: %1</source>
        <translation>Revisionssporet kan ikke læses nu: %1</translation>
    </message>
    <message>
        <source>The audit trail cannot be read now.</source>
        <translation>Revisionssporet kan ikke læses nu.</translation>
    </message>
    <message>
        <source>a caseworker</source>
        <translation>en sagsbehandler</translation>
    </message>
</context>
<context>
    <name>ApplicationsView</name>
    <message>
        <source>Search title, purpose, institution, register or applicant…</source>
        <translation>Søg på titel, formål, institution, register eller ansøger…</translation>
    </message>
    <message>
        <source>Search applications</source>
        <translation>Søg i ansøgninger</translation>
    </message>
    <message>
        <source>Status filter</source>
        <translation>Statusfilter</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle statusser</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Ansøgninger</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>Ansøger</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Godkendelser</translation>
    </message>
    <message>
        <source>Sensitive registers: three approvals needed</source>
        <translation>Følsomme registre: tre godkendelser kræves</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Indsendt</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 af %2</translation>
    </message>
    <message>
        <source>From the dashboard: %1</source>
        <translation>Fra overblikket: %1</translation>
    </message>
    <message>
        <source>Certification lapses within %1 days</source>
        <translation>Certificering udløber inden for %1 dage</translation>
    </message>
    <message>
        <source>Only applications whose applicant&apos;s certification is still valid but lapses within %1 days</source>
        <translation>Kun ansøgninger, hvor ansøgerens certificering stadig er gyldig, men udløber inden for %1 dage</translation>
    </message>
    <message>
        <source>Applicant certified</source>
        <translation>Ansøger certificeret</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ukendt</translation>
    </message>
    <message>
        <source>✖ lapsed</source>
        <translation>✖ udløbet</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n day(s) left</source>
        <translation>
            <numerusform>⚠ %n dag tilbage</numerusform>
            <numerusform>⚠ %n dage tilbage</numerusform>
        </translation>
    </message>
    <message>
        <source>The applicant&apos;s certification is valid until %1</source>
        <translation>Ansøgerens certificering er gyldig til %1</translation>
    </message>
    <message>
        <source>The applicant&apos;s certification is not known</source>
        <translation>Ansøgerens certificering kendes ikke</translation>
    </message>
</context>
<context>
    <name>ApprovalsView</name>
    <message>
        <source>Approvals</source>
        <translation>Godkendelser</translation>
    </message>
    <message>
        <source>All waiting for review</source>
        <translation>Alle, der venter på behandling</translation>
    </message>
    <message>
        <source>Only those I can review</source>
        <translation>Kun dem, jeg kan behandle</translation>
    </message>
    <message>
        <source>Only those I cannot review</source>
        <translation>Kun dem, jeg ikke kan behandle</translation>
    </message>
    <message>
        <source>Search the queue…</source>
        <translation>Søg i køen…</translation>
    </message>
    <message>
        <source>Search the queue</source>
        <translation>Søg i køen</translation>
    </message>
    <message>
        <source>Applications waiting for review</source>
        <translation>Ansøgninger, der venter på behandling</translation>
    </message>
    <message>
        <source>↑/↓ or J/K move · Enter read the case · A approve · R reject · T return · N next you can review</source>
        <translation>↑/↓ eller J/K flytter · Enter læs sagen · A godkend · R afvis · T send tilbage · N næste, du kan behandle</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 af %2</translation>
    </message>
    <message>
        <source>%1 of the %2 approvals needed in this round</source>
        <translation>%1 af de %2 godkendelser, der kræves i denne runde</translation>
    </message>
    <message>
        <source>Risk</source>
        <translation>Risiko</translation>
    </message>
    <message>
        <source>For you</source>
        <translation>Til dig</translation>
    </message>
    <message>
        <source>Your decision</source>
        <translation>Din afgørelse</translation>
    </message>
    <message>
        <source>&amp;Approve  (A)</source>
        <translation>Godkend  (&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject  (R)</source>
        <translation>Afvis  (&amp;R)</translation>
    </message>
    <message>
        <source>Re&amp;turn  (T)</source>
        <translation>Send tilbage  (&amp;T)</translation>
    </message>
    <message>
        <source>Go to the next application you can review</source>
        <translation>Gå til den næste ansøgning, du kan behandle</translation>
    </message>
    <message>
        <source>↑/↓ or J/K — previous / next application in the queue</source>
        <translation>↑/↓ eller J/K — forrige / næste ansøgning i køen</translation>
    </message>
    <message>
        <source>Enter — read the selected case (Esc back to the queue)</source>
        <translation>Enter — læs den valgte sag (Esc tilbage til køen)</translation>
    </message>
    <message>
        <source>A — approve (asks to confirm)</source>
        <translation>A — godkend (beder om bekræftelse)</translation>
    </message>
    <message>
        <source>R — reject (a reason is required)</source>
        <translation>R — afvis (en begrundelse skal udfyldes)</translation>
    </message>
    <message>
        <source>T or U — return to the applicant (a reason is required)</source>
        <translation>T eller U — send tilbage til ansøgeren (en begrundelse skal udfyldes)</translation>
    </message>
    <message>
        <source>N — next application you can review</source>
        <translation>N — næste ansøgning, du kan behandle</translation>
    </message>
    <message>
        <source>%1 waiting · %2 you can review</source>
        <translation>%1 venter · %2 kan du behandle</translation>
    </message>
    <message>
        <source>%1 of your decisions not sent yet</source>
        <translation>%1 af dine afgørelser er ikke sendt endnu</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 vist</translation>
    </message>
    <message>
        <source>No application in the queue matches.</source>
        <translation>Ingen ansøgning i køen passer.</translation>
    </message>
    <message>
        <source>No applications are waiting for review.</source>
        <translation>Ingen ansøgninger venter på behandling.</translation>
    </message>
    <message>
        <source>Your earlier decision was refused by the portal (%1); see Needs attention. You can decide again.</source>
        <translation>Din tidligere afgørelse blev afvist af portalen (%1); se Kræver handling. Du kan træffe afgørelse igen.</translation>
    </message>
    <message>
        <source>Pending: %1 (%2)</source>
        <translation>Afventer: %1 (%2)</translation>
    </message>
    <message>
        <source>You reviewed this application: %1</source>
        <translation>Du har behandlet denne ansøgning: %1</translation>
    </message>
    <message>
        <source>You cannot decide on %1</source>
        <translation>Du kan ikke træffe afgørelse om %1</translation>
    </message>
    <message>
        <source>%1: %2 of %3 approvals so far</source>
        <translation>%1: %2 af %3 godkendelser indtil nu</translation>
    </message>
    <message>
        <source>Your approval would be the %1 of %2 — the last one needed</source>
        <translation>Din godkendelse vil være den %1 af %2 — den sidste, der kræves</translation>
    </message>
    <message>
        <source>Your approval would be the %1 of %2</source>
        <translation>Din godkendelse vil være den %1 af %2</translation>
    </message>
    <message>
        <source>Approve as the %1 of %2 (A)</source>
        <translation>Godkend som %1 af %2 (A)</translation>
    </message>
    <message>
        <source>Reject with a reason; this ends the application (R)</source>
        <translation>Afvis med en begrundelse; det afslutter ansøgningen (R)</translation>
    </message>
    <message>
        <source>Return to the applicant with a reason (T)</source>
        <translation>Send tilbage til ansøgeren med en begrundelse (T)</translation>
    </message>
    <message>
        <source>sensitive</source>
        <translation>følsomt</translation>
    </message>
    <message>
        <source>standard</source>
        <translation>almindelig</translation>
    </message>
    <message>
        <source>Sensitive registers (%1): %2 approvals needed</source>
        <translation>Følsomme registre (%1): %2 godkendelser kræves</translation>
    </message>
    <message>
        <source>Standard registers: %1 approvals needed</source>
        <translation>Almindelige registre: %1 godkendelser kræves</translation>
    </message>
    <message>
        <source>approve</source>
        <translation>godkendelse</translation>
    </message>
    <message>
        <source>reject</source>
        <translation>afvisning</translation>
    </message>
    <message>
        <source>return</source>
        <translation>tilbagesendelse</translation>
    </message>
    <message>
        <source>conflict of interest</source>
        <translation>inhabilitet</translation>
    </message>
    <message>
        <source>your own application</source>
        <translation>din egen ansøgning</translation>
    </message>
    <message>
        <source>certification lapsed</source>
        <translation>certificering udløbet</translation>
    </message>
    <message>
        <source>certification unknown</source>
        <translation>certificering ukendt</translation>
    </message>
    <message>
        <source>already decided</source>
        <translation>allerede afgjort</translation>
    </message>
    <message>
        <source>caseworkers only</source>
        <translation>kun sagsbehandlere</translation>
    </message>
    <message>
        <source>You have already reviewed this application (%1 %2); another caseworker must decide.</source>
        <translation>Du har allerede behandlet denne ansøgning (%1 %2); en anden sagsbehandler skal træffe afgørelse.</translation>
    </message>
    <message>
        <source>Nobody reviews the same application twice, in any round.</source>
        <translation>Ingen behandler den samme ansøgning to gange, i nogen runde.</translation>
    </message>
    <message>
        <source>You declared a conflict of interest with %1; another caseworker must decide.</source>
        <translation>Du har erklæret dig inhabil over for %1; en anden sagsbehandler skal træffe afgørelse.</translation>
    </message>
    <message>
        <source>This is your own application; another caseworker must decide.</source>
        <translation>Dette er din egen ansøgning; en anden sagsbehandler skal træffe afgørelse.</translation>
    </message>
    <message>
        <source>Cannot be approved: the applicant&apos;s certification lapsed on %1.</source>
        <translation>Kan ikke godkendes: ansøgerens certificering udløb den %1.</translation>
    </message>
    <message>
        <source>Cannot be approved: the applicant&apos;s certification is not known to be valid.</source>
        <translation>Kan ikke godkendes: det vides ikke, om ansøgerens certificering er gyldig.</translation>
    </message>
    <message>
        <source>You may still reject or return it.</source>
        <translation>Du kan stadig afvise den eller sende den tilbage.</translation>
    </message>
    <message>
        <source>Your decision was sent; the portal&apos;s updated case arrives with the next sync.</source>
        <translation>Din afgørelse er sendt; portalens opdaterede sag kommer med næste synkronisering.</translation>
    </message>
    <message>
        <source>This application is already decided (%1).</source>
        <translation>Denne ansøgning er allerede afgjort (%1).</translation>
    </message>
    <message>
        <source>Only caseworkers review applications.</source>
        <translation>Kun sagsbehandlere behandler ansøgninger.</translation>
    </message>
    <message>
        <source>Approve %1 (as the %2 of %3)</source>
        <translation>Godkend %1 (som %2 af %3)</translation>
    </message>
    <message>
        <source>Reject %1</source>
        <translation>Afvis %1</translation>
    </message>
    <message>
        <source>Return %1</source>
        <translation>Send %1 tilbage</translation>
    </message>
    <message>
        <source>The portal refused %1 of your decisions: see Needs attention.</source>
        <translation>Portalen afviste %1 af dine afgørelser: se Kræver handling.</translation>
    </message>
    <message>
        <source>Sent: the portal accepted your decisions.</source>
        <translation>Sendt: portalen har modtaget dine afgørelser.</translation>
    </message>
    <message>
        <source>%1 of %2 approvals given</source>
        <translation>%1 af %2 godkendelser givet</translation>
    </message>
    <message>
        <source>can review</source>
        <translation>kan behandles</translation>
    </message>
</context>
<context>
    <name>AttentionView</name>
    <message>
        <source>Someone changed the case before your action arrived.</source>
        <translation>En anden ændrede sagen, før din handling nåede frem.</translation>
    </message>
    <message>
        <source>You have already reviewed this case.</source>
        <translation>Du har allerede behandlet denne sag.</translation>
    </message>
    <message>
        <source>The case was already decided.</source>
        <translation>Sagen var allerede afgjort.</translation>
    </message>
    <message>
        <source>You have a conflict of interest with this case (a declared institution, or your own output).</source>
        <translation>Du er inhabil i denne sag (en erklæret institution eller dit eget output).</translation>
    </message>
    <message>
        <source>The applicant&apos;s certification has lapsed.</source>
        <translation>Ansøgerens certificering er udløbet.</translation>
    </message>
    <message>
        <source>A comment is required.</source>
        <translation>En kommentar skal udfyldes.</translation>
    </message>
    <message>
        <source>Your role does not allow this action.</source>
        <translation>Din rolle tillader ikke denne handling.</translation>
    </message>
    <message>
        <source>The author cannot co-sign their own warning.</source>
        <translation>Forfatteren kan ikke medunderskrive sin egen advarsel.</translation>
    </message>
    <message>
        <source>A second coordinator must co-sign first.</source>
        <translation>En anden koordinator skal medunderskrive først.</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Kræver handling</translation>
    </message>
    <message>
        <source>Nothing needs your attention.</source>
        <translation>Intet kræver din handling.</translation>
    </message>
    <message>
        <source>On the portal now: %1, version %2, updated %3</source>
        <translation>På portalen nu: %1, version %2, opdateret %3</translation>
    </message>
    <message>
        <source>a caseworker</source>
        <translation>en sagsbehandler</translation>
    </message>
    <message>
        <source>Latest decision there: %1 — %2, %3</source>
        <translation>Seneste afgørelse der: %1 — %2, %3</translation>
    </message>
    <message>
        <source>Queued %1</source>
        <translation>Sat i kø %1</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Åbn sag</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kassér</translation>
    </message>
    <message>
        <source>Remove this refused action from the list</source>
        <translation>Fjern denne afviste handling fra listen</translation>
    </message>
    <message>
        <source>Actions the portal refused when they were sent. Your action is shown beside the case as it is on the portal now: discard it, or open the case and act again. Alarms about the portal&apos;s audit log are here too.</source>
        <translation>Handlinger, som portalen afviste, da de blev sendt. Din handling vises ved siden af sagen, som den er på portalen nu: kassér den, eller åbn sagen og handl igen. Alarmer om portalens revisionslog står her også.</translation>
    </message>
    <message>
        <source>Refused by the portal: %1</source>
        <translation>Afvist af portalen: %1</translation>
    </message>
    <message>
        <source>Refusal code: %1</source>
        <translation>Afvisningskode: %1</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Hvornår</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>the portal</source>
        <translation>portalen</translation>
    </message>
    <message>
        <source>%1 (signing in)</source>
        <translation>%1 (logger ind)</translation>
    </message>
    <message>
        <source>done</source>
        <translation>udført</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>afvist</translation>
    </message>
    <message>
        <source>submitted an application</source>
        <translation>indsendte en ansøgning</translation>
    </message>
    <message>
        <source>reviewed an application</source>
        <translation>behandlede en ansøgning</translation>
    </message>
    <message>
        <source>resubmitted an application</source>
        <translation>genindsendte en ansøgning</translation>
    </message>
    <message>
        <source>submitted an output</source>
        <translation>indsendte et output</translation>
    </message>
    <message>
        <source>reviewed an output</source>
        <translation>behandlede et output</translation>
    </message>
    <message>
        <source>requested a sample</source>
        <translation>bestilte en stikprøve</translation>
    </message>
    <message>
        <source>wrote a warning</source>
        <translation>skrev en advarsel</translation>
    </message>
    <message>
        <source>edited a warning</source>
        <translation>redigerede en advarsel</translation>
    </message>
    <message>
        <source>co-signed a warning</source>
        <translation>medunderskrev en advarsel</translation>
    </message>
    <message>
        <source>sent a warning</source>
        <translation>sendte en advarsel</translation>
    </message>
    <message>
        <source>prepared a revision</source>
        <translation>forberedte en revision</translation>
    </message>
    <message>
        <source>discarded a revision</source>
        <translation>kasserede en revision</translation>
    </message>
    <message>
        <source>retracted a warning</source>
        <translation>trak en advarsel tilbage</translation>
    </message>
    <message>
        <source>acknowledged a warning</source>
        <translation>kvitterede for en advarsel</translation>
    </message>
    <message>
        <source>signed in</source>
        <translation>loggede ind</translation>
    </message>
    <message>
        <source>signed out</source>
        <translation>loggede ud</translation>
    </message>
    <message>
        <source>simulated recipient %1</source>
        <translation>simuleret modtager %1</translation>
    </message>
</context>
<context>
    <name>AuditView</name>
    <message>
        <source>Audit trail</source>
        <translation>Revisionsspor</translation>
    </message>
    <message>
        <source>Everything done on the portal is recorded in a hash-chained trail: each entry&apos;s hash covers the one before it, so a changed or removed entry shows. You see the entries about what you may see and your own actions.</source>
        <translation>Alt, hvad der sker på portalen, registreres i et hashkædet spor: hver posts hash dækker den foregående, så en ændret eller fjernet post kan ses. Du ser posterne om det, du har adgang til, og om dine egne handlinger.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Choose a colleague or type a user id</source>
        <translation>Vælg en kollega, eller skriv et bruger-id</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Any action</source>
        <translation>Alle handlinger</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Ansøgninger</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Samples</source>
        <translation>Stikprøver</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advarsler</translation>
    </message>
    <message>
        <source>Acknowledgements</source>
        <translation>Kvitteringer</translation>
    </message>
    <message>
        <source>Sign-ins</source>
        <translation>Logins</translation>
    </message>
    <message>
        <source>Any entity</source>
        <translation>Alle typer</translation>
    </message>
    <message>
        <source>Case id, e.g. APP-2026-0001</source>
        <translation>Sagsnummer, f.eks. APP-2026-0001</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Done or refused</source>
        <translation>Udført eller afvist</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Udført</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>Afvist</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Fra</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Til</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Fra dato</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Til dato</translation>
    </message>
    <message>
        <source>Person:</source>
        <translation>Person:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Handling:</translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation>Type:</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>Resultat:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Tidspunkt:</translation>
    </message>
    <message>
        <source>Show entries</source>
        <translation>Vis poster</translation>
    </message>
    <message>
        <source>Clear filters</source>
        <translation>Ryd filtre</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Eksportér til CSV…</translation>
    </message>
    <message>
        <source>Save the entries shown, with their hashes, as a CSV file for an auditor</source>
        <translation>Gem de viste poster med deres hashværdier som en CSV-fil til en revisor</translation>
    </message>
    <message>
        <source>Verify chain</source>
        <translation>Kontrollér kæden</translation>
    </message>
    <message>
        <source>Ask the portal to recompute every hash of the whole trail</source>
        <translation>Bed portalen genberegne alle hashværdier i hele sporet</translation>
    </message>
    <message>
        <source>Only supervisors and administrators can verify the whole chain</source>
        <translation>Kun tilsynsførende og administratorer kan kontrollere hele kæden</translation>
    </message>
    <message>
        <source>Verifying the whole chain is for supervisors and administrators.</source>
        <translation>Kontrol af hele kæden er forbeholdt tilsynsførende og administratorer.</translation>
    </message>
    <message>
        <source>Show the first bad entry</source>
        <translation>Vis den første fejlbehæftede post</translation>
    </message>
    <message>
        <source>The audit trail is read from the portal.</source>
        <translation>Revisionssporet læses fra portalen.</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>Poster i revisionssporet</translation>
    </message>
    <message>
        <source>Copy hash</source>
        <translation>Kopiér hash</translation>
    </message>
    <message>
        <source>Copy entry as JSON</source>
        <translation>Kopiér post som JSON</translation>
    </message>
    <message>
        <source>Hash</source>
        <translation>Hash</translation>
    </message>
    <message>
        <source>Previous hash</source>
        <translation>Forrige hash</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopiér</translation>
    </message>
    <message>
        <source>Entry detail</source>
        <translation>Postens detaljer</translation>
    </message>
    <message>
        <source>Hash:</source>
        <translation>Hash:</translation>
    </message>
    <message>
        <source>Previous hash:</source>
        <translation>Forrige hash:</translation>
    </message>
    <message>
        <source>Detail:</source>
        <translation>Detalje:</translation>
    </message>
    <message>
        <source>Anyone</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Reading the audit trail from the portal…</source>
        <translation>Læser revisionssporet fra portalen…</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 poster</translation>
    </message>
    <message>
        <source>1 entry</source>
        <translation>1 post</translation>
    </message>
    <message>
        <source>, from entry #%1 on</source>
        <translation>, fra post nr. %1 og frem</translation>
    </message>
    <message>
        <source> — only the first %1 are shown; narrow the filter to see the rest</source>
        <translation> — kun de første %1 vises; indsnævr filteret for at se resten</translation>
    </message>
    <message>
        <source>The portal cannot be reached. The audit trail is kept on the portal only; try again when you are online.</source>
        <translation>Portalen kan ikke nås. Revisionssporet findes kun på portalen; prøv igen, når du er online.</translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again to read the audit trail.</source>
        <translation>Din session er udløbet. Log ind igen for at læse revisionssporet.</translation>
    </message>
    <message>
        <source>The portal refused: %1</source>
        <translation>Portalen afviste: %1</translation>
    </message>
    <message>
        <source>The audit trail cannot be read now: %1</source>
        <translation>Revisionssporet kan ikke læses nu: %1</translation>
    </message>
    <message>
        <source>The portal is recomputing every hash of the trail…</source>
        <translation>Portalen genberegner alle hashværdier i sporet…</translation>
    </message>
    <message>
        <source>✔ The chain is intact: all %1 entries check out (verified %2).</source>
        <translation>✔ Kæden er intakt: alle %1 poster stemmer (kontrolleret %2).</translation>
    </message>
    <message>
        <source>✖ The chain is broken: entry #%1 is the first that was changed, removed or reordered (%2 entries read, verified %3).</source>
        <translation>✖ Kæden er brudt: post nr. %1 er den første, der er ændret, fjernet eller flyttet (%2 poster læst, kontrolleret %3).</translation>
    </message>
    <message>
        <source>The chain could not be verified: %1</source>
        <translation>Kæden kunne ikke kontrolleres: %1</translation>
    </message>
    <message>
        <source>Export audit trail</source>
        <translation>Eksportér revisionsspor</translation>
    </message>
    <message>
        <source>CSV file (*.csv)</source>
        <translation>CSV-fil (*.csv)</translation>
    </message>
    <message>
        <source>The file could not be written: %1</source>
        <translation>Filen kunne ikke skrives: %1</translation>
    </message>
    <message>
        <source>%1 entries exported to %2.</source>
        <translation>%1 poster eksporteret til %2.</translation>
    </message>
    <message>
        <source>Ctrl+C — copy the selected entries&apos; hashes</source>
        <translation>Ctrl+C — kopiér de valgte posters hashværdier</translation>
    </message>
    <message>
        <source>✖ The check failed: %1 (%2 entries read, verified %3).</source>
        <translation>✖ Kontrollen fejlede: %1 (%2 poster læst, kontrolleret %3).</translation>
    </message>
</context>
<context>
    <name>AuditWitness</name>
    <message>
        <source>The portal&apos;s checkpoint has a signature that does not verify.</source>
        <translation>Portalens kontrolpunkt har en signatur, der ikke kan verificeres.</translation>
    </message>
    <message>
        <source>The portal signs its audit log with a different key than the one this desktop pinned.</source>
        <translation>Portalen signerer sin revisionslog med en anden nøgle end den, denne computer har fastlåst.</translation>
    </message>
    <message>
        <source>The portal&apos;s audit log is shorter than it was: entries were removed.</source>
        <translation>Portalens revisionslog er kortere end før: poster er blevet fjernet.</translation>
    </message>
    <message>
        <source>The portal&apos;s audit log no longer extends the log it signed before: history was rewritten.</source>
        <translation>Portalens revisionslog bygger ikke længere videre på den log, den signerede før: historikken er blevet omskrevet.</translation>
    </message>
    <message>
        <source>The portal&apos;s own check of its audit log and stored cases fails.</source>
        <translation>Portalens egen kontrol af revisionsloggen og de gemte sager fejler.</translation>
    </message>
    <message>
        <source>The portal&apos;s audit log failed a check.</source>
        <translation>Portalens revisionslog bestod ikke en kontrol.</translation>
    </message>
    <message>
        <source>This desktop had not yet verified a checkpoint (only the key was pinned).</source>
        <translation>Denne computer havde endnu ikke verificeret et kontrolpunkt (kun nøglen var fastlåst).</translation>
    </message>
    <message>
        <source>Last good checkpoint: signed %1, %2 entries.</source>
        <translation>Seneste gode kontrolpunkt: signeret %1, %2 poster.</translation>
    </message>
    <message>
        <source>Export audit evidence</source>
        <translation>Eksportér revisionsbevis</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-filer (*.json)</translation>
    </message>
    <message>
        <source>Audit log alarm</source>
        <translation>Alarm om revisionsloggen</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Detaljer: %1</translation>
    </message>
    <message>
        <source>Tell your security officer. Export the evidence and keep it: it holds both checkpoints and the proof that failed.</source>
        <translation>Kontakt din sikkerhedsansvarlige. Eksportér beviset og gem det: det indeholder begge kontrolpunkter og det bevis, der fejlede.</translation>
    </message>
    <message>
        <source>Export evidence…</source>
        <translation>Eksportér bevis…</translation>
    </message>
    <message>
        <source>Audit log state</source>
        <translation>Revisionsloggens tilstand</translation>
    </message>
    <message>
        <source>Check it is in the signed log</source>
        <translation>Kontrollér, at den er i den signerede log</translation>
    </message>
    <message>
        <source>Ask the portal for the entry&apos;s inclusion proof and verify it against the checkpoint this desktop verified</source>
        <translation>Bed portalen om postens inklusionsbevis, og kontrollér det mod det kontrolpunkt, denne computer har verificeret</translation>
    </message>
    <message>
        <source>Trust the new key…</source>
        <translation>Stol på den nye nøgle…</translation>
    </message>
    <message>
        <source>Only after comparing its fingerprint with the one your portal&apos;s operator published for a key change</source>
        <translation>Kun efter at have sammenlignet dens fingeraftryk med det, portalens driftsansvarlige har offentliggjort ved et nøgleskift</translation>
    </message>
    <message>
        <source>✖ ALARM: %1</source>
        <translation>✖ ALARM: %1</translation>
    </message>
    <message>
        <source>Detected %1: %2</source>
        <translation>Opdaget %1: %2</translation>
    </message>
    <message>
        <source>✔ The portal&apos;s signed log only grew: newest checkpoint verified, signed %1, %2 entries.</source>
        <translation>✔ Portalens signerede log er kun vokset: nyeste kontrolpunkt verificeret, signeret %1, %2 poster.</translation>
    </message>
    <message>
        <source>No signed checkpoint verified yet: it is checked on every sync.</source>
        <translation>Intet signeret kontrolpunkt verificeret endnu: det kontrolleres ved hver synkronisering.</translation>
    </message>
    <message>
        <source>Pinned key fingerprint (SHA-256): %1</source>
        <translation>Fastlåst nøgles fingeraftryk (SHA-256): %1</translation>
    </message>
    <message>
        <source>No key pinned yet.</source>
        <translation>Ingen nøgle fastlåst endnu.</translation>
    </message>
    <message>
        <source>Checking entry #%1…</source>
        <translation>Kontrollerer post nr. %1…</translation>
    </message>
    <message>
        <source>✔ Entry #%1 is in the log the portal signed at %2 (%3 entries).</source>
        <translation>✔ Post nr. %1 er i den log, portalen signerede %2 (%3 poster).</translation>
    </message>
    <message>
        <source>Not checked: %1</source>
        <translation>Ikke kontrolleret: %1</translation>
    </message>
    <message>
        <source>✖ Entry #%1 is NOT in the signed log: %2</source>
        <translation>✖ Post nr. %1 er IKKE i den signerede log: %2</translation>
    </message>
    <message>
        <source>The proof could not be fetched: %1</source>
        <translation>Beviset kunne ikke hentes: %1</translation>
    </message>
    <message>
        <source>Trust the new key?</source>
        <translation>Stol på den nye nøgle?</translation>
    </message>
    <message>
        <source>The portal now signs its audit log with the key with this fingerprint:

%1

Trust it only if your portal&apos;s operator announced a key change and published exactly this fingerprint. The log must still extend the last checkpoint this desktop verified.</source>
        <translation>Portalen signerer nu sin revisionslog med nøglen med dette fingeraftryk:

%1

Stol kun på den, hvis portalens driftsansvarlige har meddelt et nøgleskift og offentliggjort netop dette fingeraftryk. Loggen skal stadig bygge videre på det seneste kontrolpunkt, denne computer har verificeret.</translation>
    </message>
    <message>
        <source>Trust the new key</source>
        <translation>Stol på den nye nøgle</translation>
    </message>
    <message>
        <source>Open the audit page</source>
        <translation>Åbn revisionssiden</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Kvittér</translation>
    </message>
    <message>
        <source>Remove this card; the audit page stays red and the evidence is kept</source>
        <translation>Fjern dette kort; revisionssiden forbliver rød, og beviset gemmes</translation>
    </message>
</context>
<context>
    <name>Certification</name>
    <message>
        <source>Your own certification lapsed on %1: you can read, but not decide. Take the test (in the status bar) to renew it.</source>
        <translation>Din egen certificering udløb %1: du kan læse, men ikke træffe afgørelser. Tag testen (i statuslinjen) for at forny den.</translation>
    </message>
    <message>
        <source>Your own certification is not known to be valid: you can read, but not decide. Take the test (in the status bar) to renew it.</source>
        <translation>Din egen certificering vides ikke at være gyldig: du kan læse, men ikke træffe afgørelser. Tag testen (i statuslinjen) for at forny den.</translation>
    </message>
</context>
<context>
    <name>CertificationBanner</name>
    <message>
        <source>Certification reminder</source>
        <translation>Påmindelse om certificering</translation>
    </message>
    <message>
        <source>Take the test…</source>
        <translation>Tag testen…</translation>
    </message>
    <message>
        <source>Remind me later</source>
        <translation>Påmind mig senere</translation>
    </message>
    <message>
        <source>Hide this reminder until the next one is due</source>
        <translation>Skjul denne påmindelse, indtil den næste kommer</translation>
    </message>
    <message>
        <source>Your certification lapsed on %1. You can read everything, but you cannot decide anything until you pass the data-security test.</source>
        <translation>Din certificering udløb %1. Du kan læse alt, men du kan ikke træffe afgørelser, før du har bestået datasikkerhedstesten.</translation>
    </message>
    <message>
        <source>Your certification is not known to be valid. You can read everything, but you cannot decide anything until you pass the data-security test.</source>
        <translation>Din certificering vides ikke at være gyldig. Du kan læse alt, men du kan ikke træffe afgørelser, før du har bestået datasikkerhedstesten.</translation>
    </message>
    <message numerus="yes">
        <source>Your certification lapses in %n day(s), on %1. Take the data-security test to renew it for a year.</source>
        <translation>
            <numerusform>Din certificering udløber om %n dag, den %1. Tag datasikkerhedstesten for at forny den i et år.</numerusform>
            <numerusform>Din certificering udløber om %n dage, den %1. Tag datasikkerhedstesten for at forny den i et år.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificationIndicator</name>
    <message>
        <source>Your certification</source>
        <translation>Din certificering</translation>
    </message>
    <message>
        <source>Take the test…</source>
        <translation>Tag testen…</translation>
    </message>
    <message>
        <source>✖ Certification lapsed %1</source>
        <translation>✖ Certificering udløbet %1</translation>
    </message>
    <message>
        <source>✖ Not certified</source>
        <translation>✖ Ikke certificeret</translation>
    </message>
    <message numerus="yes">
        <source>⚠ Certified until %1 (%n day(s) left)</source>
        <translation>
            <numerusform>⚠ Certificeret til %1 (%n dag tilbage)</numerusform>
            <numerusform>⚠ Certificeret til %1 (%n dage tilbage)</numerusform>
        </translation>
    </message>
    <message>
        <source>✔ Certified until %1</source>
        <translation>✔ Certificeret til %1</translation>
    </message>
    <message>
        <source>Your data-security certification. It is renewed yearly by passing the test.</source>
        <translation>Din datasikkerhedscertificering. Den fornys hvert år ved at bestå testen.</translation>
    </message>
</context>
<context>
    <name>CertificationLapsesCard</name>
    <message>
        <source>Certification lapses coming</source>
        <translation>Certificeringer, der snart udløber</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Hvem</translation>
    </message>
    <message>
        <source>Certified until</source>
        <translation>Certificeret til</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Dage tilbage</translation>
    </message>
    <message>
        <source>%1 lapsed · %2 within 30 days · %3 within %4 days</source>
        <translation>%1 udløbet · %2 inden for 30 dage · %3 inden for %4 dage</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>medarbejder</translation>
    </message>
    <message>
        <source>researcher</source>
        <translation>forsker</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>ukendt</translation>
    </message>
    <message numerus="yes">
        <source>lapsed %n day(s) ago</source>
        <translation>
            <numerusform>udløbet for %n dag siden</numerusform>
            <numerusform>udløbet for %n dage siden</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CertificationTestDialog</name>
    <message>
        <source>Data-security test</source>
        <translation>Datasikkerhedstest</translation>
    </message>
    <message>
        <source>%1 questions on the rules for working with the portal&apos;s data: pseudonymised data, discretion, data minimisation, reporting breaches, two-factor sign-in, accounts, what may leave the research machine and sanctions.

You have %2 minutes. %3 right answers pass and renew your certification for a year. You can begin %4 attempts in 24 hours.</source>
        <translation>%1 spørgsmål om reglerne for arbejdet med portalens data: pseudonymiserede data, diskretion, dataminimering, indberetning af brud, to-faktor-log-ind, konti, hvad der må forlade forskermaskinen og sanktioner.

Du har %2 minutter. %3 rigtige svar består og fornyer din certificering i et år. Du kan påbegynde %4 forsøg inden for 24 timer.</translation>
    </message>
    <message>
        <source>&amp;Begin the test</source>
        <translation>&amp;Begynd testen</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuller</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Tid tilbage</translation>
    </message>
    <message>
        <source>Keys: 1–4 choose an answer, Enter goes on.</source>
        <translation>Taster: 1–4 vælger et svar, Enter går videre.</translation>
    </message>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Tilbage</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Næste</translation>
    </message>
    <message>
        <source>Topics to re-read</source>
        <translation>Emner at læse op på</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Luk</translation>
    </message>
    <message>
        <source>Question %1 of %2</source>
        <translation>Spørgsmål %1 af %2</translation>
    </message>
    <message>
        <source>&amp;Submit answers</source>
        <translation>&amp;Indsend svar</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Submit (%n unanswered)</source>
        <translation>
            <numerusform>&amp;Indsend (%n ubesvaret)</numerusform>
            <numerusform>&amp;Indsend (%n ubesvarede)</numerusform>
        </translation>
    </message>
    <message>
        <source>Time left: %1</source>
        <translation>Tid tilbage: %1</translation>
    </message>
    <message>
        <source>%1 of %2 right (%3 needed).</source>
        <translation>%1 af %2 rigtige (%3 krævet).</translation>
    </message>
    <message>
        <source>✔ Passed</source>
        <translation>✔ Bestået</translation>
    </message>
    <message>
        <source>Your certification is valid until %1.</source>
        <translation>Din certificering er gyldig til %1.</translation>
    </message>
    <message>
        <source>✖ Not passed</source>
        <translation>✖ Ikke bestået</translation>
    </message>
    <message>
        <source>Your certification is unchanged. Re-read these topics before you try again:</source>
        <translation>Din certificering er uændret. Læs op på disse emner, før du prøver igen:</translation>
    </message>
    <message>
        <source>You have begun 3 attempts in the last 24 hours. Re-read the rules and try again later.</source>
        <translation>Du har påbegyndt 3 forsøg inden for de seneste 24 timer. Læs reglerne igen, og prøv senere.</translation>
    </message>
    <message>
        <source>The time for this attempt has run out. Begin a new attempt.</source>
        <translation>Tiden til dette forsøg er gået. Begynd et nyt forsøg.</translation>
    </message>
    <message>
        <source>The portal cannot be reached; the test needs it. Try again when you are online.</source>
        <translation>Portalen kan ikke nås, og testen kræver den. Prøv igen, når du er online.</translation>
    </message>
    <message>
        <source>The test could not be loaded: %1</source>
        <translation>Testen kunne ikke hentes: %1</translation>
    </message>
</context>
<context>
    <name>ChangeDialog</name>
    <message>
        <source>Change a user</source>
        <translation>Ændr en bruger</translation>
    </message>
    <message>
        <source>Ask for a change to %1</source>
        <translation>Anmod om en ændring for %1</translation>
    </message>
    <message>
        <source>Give a role</source>
        <translation>Giv en rolle</translation>
    </message>
    <message>
        <source>Take a role away</source>
        <translation>Fjern en rolle</translation>
    </message>
    <message>
        <source>Set declared conflicts</source>
        <translation>Sæt erklærede interessekonflikter</translation>
    </message>
    <message>
        <source>Reset password and authenticator</source>
        <translation>Nulstil adgangskode og godkendelsesapp</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>Deaktivér</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Indtil</translation>
    </message>
    <message>
        <source>Declared conflicts</source>
        <translation>Erklærede interessekonflikter</translation>
    </message>
    <message>
        <source>&amp;Change</source>
        <translation>Æ&amp;ndring</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
    <message>
        <source>Time limit</source>
        <translation>Tidsbegrænsning</translation>
    </message>
    <message>
        <source>C&amp;onflicts</source>
        <translation>&amp;Interessekonflikter</translation>
    </message>
</context>
<context>
    <name>ChartCard</name>
    <message>
        <source>Save…</source>
        <translation>Gem…</translation>
    </message>
    <message>
        <source>Save this chart as a PNG image or a PDF document</source>
        <translation>Gem dette diagram som et PNG-billede eller et PDF-dokument</translation>
    </message>
    <message>
        <source>Save chart</source>
        <translation>Gem diagram</translation>
    </message>
    <message>
        <source>As PNG image…</source>
        <translation>Som PNG-billede…</translation>
    </message>
    <message>
        <source>As PDF document…</source>
        <translation>Som PDF-dokument…</translation>
    </message>
    <message>
        <source>Selected: %1. Press Enter to open the list.</source>
        <translation>Valgt: %1. Tryk på Enter for at åbne listen.</translation>
    </message>
    <message>
        <source>Click a bar or point to open the matching list.</source>
        <translation>Klik på en søjle eller et punkt for at åbne den tilsvarende liste.</translation>
    </message>
    <message>
        <source>With the keyboard: the arrow keys choose a bar, point or cell, and Enter opens its list.</source>
        <translation>Med tastaturet: Piletasterne vælger en søjle, et punkt eller en celle, og Enter åbner listen.</translation>
    </message>
    <message>
        <source>Click a bar or point to open the matching list, or choose one with the arrow keys and press Enter</source>
        <translation>Klik på en søjle eller et punkt for at åbne den tilsvarende liste, eller vælg med piletasterne og tryk på Enter</translation>
    </message>
    <message>
        <source>This chart cannot be drawn: %1</source>
        <translation>Dette diagram kan ikke tegnes: %1</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG-billede (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>The chart could not be saved: %1</source>
        <translation>Diagrammet kunne ikke gemmes: %1</translation>
    </message>
</context>
<context>
    <name>ChartPainter</name>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Count below minimum</source>
        <translation>Antal under minimum</translation>
    </message>
    <message>
        <source>Zero cells</source>
        <translation>Nulceller</translation>
    </message>
    <message>
        <source>Dominance (top contributors)</source>
        <translation>Dominans (største bidragydere)</translation>
    </message>
    <message>
        <source>p% rule</source>
        <translation>p%-reglen</translation>
    </message>
    <message>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <source>CVR number</source>
        <translation>CVR-nummer</translation>
    </message>
    <message>
        <source>Row-level microdata</source>
        <translation>Mikrodata på personniveau</translation>
    </message>
    <message>
        <source>File a person must check</source>
        <translation>Fil, som en person skal kontrollere</translation>
    </message>
    <message>
        <source>Contributor figures do not match</source>
        <translation>Bidragydertallene stemmer ikke</translation>
    </message>
    <message>
        <source>Contributor figures missing</source>
        <translation>Bidragydertal mangler</translation>
    </message>
    <message>
        <source>Negative contributions</source>
        <translation>Negative bidrag</translation>
    </message>
    <message>
        <source>ACRO: %1</source>
        <translation>ACRO: %1</translation>
    </message>
    <message>
        <source>Hospitals</source>
        <translation>Hospitaler</translation>
    </message>
    <message>
        <source>GPs</source>
        <translation>Praktiserende læger</translation>
    </message>
    <message>
        <source>Care homes</source>
        <translation>Plejehjem</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regioner</translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation>Kommuner</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Ukendt</translation>
    </message>
    <message>
        <source>Capital
Region</source>
        <translation>Region
Hovedstaden</translation>
    </message>
    <message>
        <source>Region
Zealand</source>
        <translation>Region
Sjælland</translation>
    </message>
    <message>
        <source>Southern
Denmark</source>
        <translation>Region
Syddanmark</translation>
    </message>
    <message>
        <source>Central
Denmark</source>
        <translation>Region
Midtjylland</translation>
    </message>
    <message>
        <source>North
Denmark</source>
        <translation>Region
Nordjylland</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>Grundniveau</translation>
    </message>
    <message>
        <source>Elevated</source>
        <translation>Forhøjet</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Høj</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Lav</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Middel</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisk</translation>
    </message>
    <message>
        <source>Week starting Monday</source>
        <translation>Uge (begynder mandag)</translation>
    </message>
    <message>
        <source>Applications waiting for a decision, by age</source>
        <translation>Ansøgninger, der venter på afgørelse, efter alder</translation>
    </message>
    <message>
        <source>No application is waiting for a decision.</source>
        <translation>Ingen ansøgning venter på afgørelse.</translation>
    </message>
    <message>
        <source>%1–%2</source>
        <translation>%1–%2</translation>
    </message>
    <message>
        <source>over %1</source>
        <translation>over %1</translation>
    </message>
    <message>
        <source>No approval yet</source>
        <translation>Ingen godkendelse endnu</translation>
    </message>
    <message>
        <source>Some approvals</source>
        <translation>Nogle godkendelser</translation>
    </message>
    <message>
        <source>%1, %2 working days</source>
        <translation>%1, %2 arbejdsdage</translation>
    </message>
    <message>
        <source>Age in working days (Mon–Fri; Danish public holidays not counted)</source>
        <translation>Alder i arbejdsdage (man.–fre.; danske helligdage tælles ikke med)</translation>
    </message>
    <message>
        <source>Age in working days (Mon–Fri)</source>
        <translation>Alder i arbejdsdage (man.–fre.)</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Ansøgninger</translation>
    </message>
    <message>
        <source>%1 waiting on %2 — past 5 working days: %3 · past 10: %4 · past 20: %5</source>
        <translation>%1 venter den %2 — over 5 arbejdsdage: %3 · over 10: %4 · over 20: %5</translation>
    </message>
    <message>
        <source>Approvals given per week</source>
        <translation>Godkendelser givet pr. uge</translation>
    </message>
    <message>
        <source>By colleagues</source>
        <translation>Af kolleger</translation>
    </message>
    <message>
        <source>By you</source>
        <translation>Af dig</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Godkendelser</translation>
    </message>
    <message>
        <source>%1, week of %2</source>
        <translation>%1, ugen der begynder %2</translation>
    </message>
    <message>
        <source>%1: %2 approvals</source>
        <translation>%1: %2 godkendelser</translation>
    </message>
    <message>
        <source>, %1 of them by you</source>
        <translation>, %1 af dem af dig</translation>
    </message>
    <message>
        <source>Applications waiting for a decision over time</source>
        <translation>Ansøgninger, der venter på afgørelse, over tid</translation>
    </message>
    <message>
        <source>No days in this period.</source>
        <translation>Ingen dage i denne periode.</translation>
    </message>
    <message>
        <source>Waiting at the end of the day</source>
        <translation>Ventende ved dagens slutning</translation>
    </message>
    <message>
        <source>Waiting at the end of %1</source>
        <translation>Ventende ved udgangen af %1</translation>
    </message>
    <message>
        <source>%1: %2 at the start, %3 at the end, at most %4 — end of each day, rebuilt from submissions and decisions</source>
        <translation>%1: %2 ved starten, %3 ved slutningen, højst %4 — ved hver dags slutning, genskabt ud fra indsendelser og afgørelser</translation>
    </message>
</context>
<context>
    <name>CreateUserDialog</name>
    <message>
        <source>New user</source>
        <translation>Ny bruger</translation>
    </message>
    <message>
        <source>Ask for a new user</source>
        <translation>Anmod om en ny bruger</translation>
    </message>
    <message>
        <source>Another administrator approves it (two when it grants administrator). The new user then signs in with a one-time enrolment code that you give them.</source>
        <translation>En anden administrator godkender den (to, når den giver administratorrollen). Den nye bruger logger derefter ind med en engangskode til tilmelding, som du giver vedkommende.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Fulde navn</translation>
    </message>
    <message>
        <source>Declared conflicts</source>
        <translation>Erklærede interessekonflikter</translation>
    </message>
    <message>
        <source>Institutions, separated by semicolons</source>
        <translation>Institutioner, adskilt af semikolon</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Brugernavn</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>&amp;Fulde navn</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Roller</translation>
    </message>
    <message>
        <source>&amp;Conflicts</source>
        <translation>&amp;Interessekonflikter</translation>
    </message>
</context>
<context>
    <name>CsvModel</name>
    <message>
        <source>%1, flagged: %2</source>
        <translation>%1, markeret: %2</translation>
    </message>
    <message>
        <source>Data row %1 (the check counts from 0: row %2)</source>
        <translation>Datarække %1 (kontrollen tæller fra 0: række %2)</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Dashboard</source>
        <translation>Overblik</translation>
    </message>
    <message>
        <source>Project applications</source>
        <translation>Projektansøgninger</translation>
    </message>
    <message>
        <source>Output checks</source>
        <translation>Outputkontrol</translation>
    </message>
    <message>
        <source>Security warnings</source>
        <translation>Sikkerhedsadvarsler</translation>
    </message>
    <message>
        <source>Computing from the offline copy…</source>
        <translation>Beregner ud fra offlinekopien…</translation>
    </message>
    <message>
        <source>Your roles have no charts.</source>
        <translation>Dine roller har ingen diagrammer.</translation>
    </message>
    <message>
        <source>From the offline copy</source>
        <translation>Fra offlinekopien</translation>
    </message>
    <message>
        <source>, last synced %1</source>
        <translation>, sidst synkroniseret %1</translation>
    </message>
    <message>
        <source>, not synced yet</source>
        <translation>, ikke synkroniseret endnu</translation>
    </message>
    <message>
        <source> · %1 of your actions are waiting to be sent</source>
        <translation> · %1 af dine handlinger venter på at blive sendt</translation>
    </message>
    <message>
        <source>Last %1 weeks</source>
        <translation>Seneste %1 uger</translation>
    </message>
    <message>
        <source>The dashboard cannot be computed: %1</source>
        <translation>Overblikket kan ikke beregnes: %1</translation>
    </message>
</context>
<context>
    <name>DeskApp</name>
    <message>
        <source>Portal Desk</source>
        <translation>Portal Desk</translation>
    </message>
    <message>
        <source>The keyring on this computer is locked or refused to store secrets, so it is treated as no keyring. Your session is kept in memory only and your offline copy is encrypted with a key derived from your password: you will sign in again after a restart.</source>
        <translation>Nøgleringen på denne computer er låst eller ville ikke gemme hemmeligheder, så den behandles som ingen nøglering. Din session gemmes kun i hukommelsen, og din offlinekopi er krypteret med en nøgle afledt af din adgangskode: du skal logge ind igen efter en genstart.</translation>
    </message>
    <message>
        <source>No keyring</source>
        <translation>Ingen nøglering</translation>
    </message>
    <message>
        <source>This computer has no usable keyring. Your session is kept in memory only and your offline copy is encrypted with a key derived from your password: you will sign in again after a restart.</source>
        <translation>Denne computer har ingen brugbar nøglering. Din session gemmes kun i hukommelsen, og din offlinekopi krypteres med en nøgle afledt af din adgangskode: du skal logge ind igen efter en genstart.</translation>
    </message>
    <message>
        <source>The demo portal on this computer keeps stopping, so it is no longer restarted. You can go on working with the offline copy; restart Portal Desk to try again.</source>
        <translation>Demoportalen på denne computer bliver ved med at stoppe, så den startes ikke længere igen. Du kan arbejde videre med den offline kopi; genstart Portal Desk for at prøve igen.</translation>
    </message>
    <message>
        <source>No keyring: you sign in again after a restart</source>
        <translation>Ingen nøglering: du logger ind igen efter en genstart</translation>
    </message>
</context>
<context>
    <name>Durations</name>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minut</numerusform>
            <numerusform>%n minutter</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s)</source>
        <translation>
            <numerusform>%n time</numerusform>
            <numerusform>%n timer</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n dag</numerusform>
            <numerusform>%n dage</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>EmergencyDialog</name>
    <message>
        <source>Grant now for 24 hours</source>
        <translation>Giv nu i 24 timer</translation>
    </message>
    <message>
        <source>Emergency access</source>
        <translation>Nødadgang</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>The role is granted at once, for at most %1 hours, and marked as an emergency in the audit. These administrators will be told and asked to ratify it: %2. If nobody ratifies it, it ends by itself.</source>
        <translation>Rollen gives med det samme, i højst %1 timer, og markeres som nødadgang i revisionssporet. Disse administratorer får besked og bliver bedt om at godkende den: %2. Godkender ingen den, ophører den af sig selv.</translation>
    </message>
    <message>
        <source>&amp;User</source>
        <translation>&amp;Bruger</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rolle</translation>
    </message>
</context>
<context>
    <name>EnrolmentCodeDialog</name>
    <message>
        <source>Enrolment code</source>
        <translation>Tilmeldingskode</translation>
    </message>
    <message>
        <source>Enrolment code for %1</source>
        <translation>Tilmeldingskode til %1</translation>
    </message>
    <message>
        <source>Shown only this once. Give it to %1 in person or by phone; it is valid until %2. They choose their own password and authenticator with it; you never see either.</source>
        <translation>Vises kun denne ene gang. Giv den til %1 personligt eller pr. telefon; den gælder til %2. Med den vælger vedkommende selv adgangskode og godkendelsesapp; du ser aldrig nogen af dem.</translation>
    </message>
</context>
<context>
    <name>EnrolmentDialog</name>
    <message>
        <source>First sign-in with an enrolment code</source>
        <translation>Første login med en tilmeldingskode</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsæt</translation>
    </message>
    <message>
        <source>Finish and sign in</source>
        <translation>Afslut og log ind</translation>
    </message>
    <message>
        <source>Set your password</source>
        <translation>Vælg din adgangskode</translation>
    </message>
    <message>
        <source>Your administrator gave you a one-time enrolment code. Choose a password of at least %1 characters; nobody else will know it.</source>
        <translation>Din administrator har givet dig en engangskode til tilmelding. Vælg en adgangskode på mindst %1 tegn; ingen andre kommer til at kende den.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Tilmeldingskode</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Ny adgangskode</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>Ny adgangskode igen</translation>
    </message>
    <message>
        <source>Password strength</source>
        <translation>Adgangskodens styrke</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Brugernavn</translation>
    </message>
    <message>
        <source>Enrolment &amp;code</source>
        <translation>&amp;Tilmeldingskode</translation>
    </message>
    <message>
        <source>New &amp;password</source>
        <translation>Ny &amp;adgangskode</translation>
    </message>
    <message>
        <source>&amp;Repeat</source>
        <translation>&amp;Gentag</translation>
    </message>
    <message>
        <source>Strength</source>
        <translation>Styrke</translation>
    </message>
    <message>
        <source>Add Portal Desk to your authenticator app</source>
        <translation>Føj Portal Desk til din godkendelsesapp</translation>
    </message>
    <message>
        <source>Scan the QR code with your authenticator app, or type the key below into it. Then enter the 6-digit code the app shows.</source>
        <translation>Scan QR-koden med din godkendelsesapp, eller skriv nøglen herunder ind i den. Indtast derefter den 6-cifrede kode, appen viser.</translation>
    </message>
    <message>
        <source>QR code of your new sign-in key</source>
        <translation>QR-kode med din nye loginnøgle</translation>
    </message>
    <message>
        <source>Your new sign-in key</source>
        <translation>Din nye loginnøgle</translation>
    </message>
    <message>
        <source>First six-digit code</source>
        <translation>Første sekscifrede kode</translation>
    </message>
    <message>
        <source>First &amp;code</source>
        <translation>Første &amp;kode</translation>
    </message>
    <message>
        <source>Too short</source>
        <translation>For kort</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Svag</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Rimelig</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>God</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stærk</translation>
    </message>
    <message>
        <source>At least %1 characters.</source>
        <translation>Mindst %1 tegn.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>De to adgangskoder er forskellige.</translation>
    </message>
    <message>
        <source>That code is not right, or the enrolment code was used or has expired. Enter the code your app shows now.</source>
        <translation>Koden er forkert, eller tilmeldingskoden er brugt eller udløbet. Indtast den kode, din app viser nu.</translation>
    </message>
    <message>
        <source>Wrong username or enrolment code, or the code was used or has expired. Ask your administrator for a new one.</source>
        <translation>Forkert brugernavn eller tilmeldingskode, eller koden er brugt eller udløbet. Bed din administrator om en ny.</translation>
    </message>
    <message>
        <source>The portal refused the password: choose at least %1 characters.</source>
        <translation>Portalen afviste adgangskoden: vælg mindst %1 tegn.</translation>
    </message>
    <message>
        <source>Too many failed attempts. Try again in %1 minutes.</source>
        <translation>For mange mislykkede forsøg. Prøv igen om %1 minutter.</translation>
    </message>
    <message>
        <source>The portal refused: %1</source>
        <translation>Portalen afviste: %1</translation>
    </message>
    <message>
        <source>The portal cannot be reached. Check the network and try again.</source>
        <translation>Portalen kan ikke nås. Tjek netværket, og prøv igen.</translation>
    </message>
    <message>
        <source>Enrolment failed: %1</source>
        <translation>Tilmeldingen mislykkedes: %1</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Checksum</source>
        <translation>Kontrolsum</translation>
    </message>
    <message>
        <source>Loading the file from the portal…</source>
        <translation>Henter filen fra portalen…</translation>
    </message>
    <message>
        <source>Findings of the automatic check</source>
        <translation>Fund fra den automatiske kontrol</translation>
    </message>
    <message>
        <source>Click a finding, or press F / Shift+F, to select its cell.</source>
        <translation>Klik på et fund, eller tryk F / Skift+F, for at markere dets celle.</translation>
    </message>
    <message>
        <source>SHA-256 recorded at submission: %1 (checked when the file arrives)</source>
        <translation>SHA-256 registreret ved indsendelsen: %1 (kontrolleres, når filen modtages)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
    <message>
        <source>✔ SHA-256 verified: the file received is the one the portal checked (%1)</source>
        <translation>✔ SHA-256 kontrolleret: den modtagne fil er den, portalen kontrollerede (%1)</translation>
    </message>
    <message>
        <source>No checksum was recorded for this file; SHA-256 of what arrived: %1</source>
        <translation>Der er ikke registreret en kontrolsum for denne fil; SHA-256 af det modtagne: %1</translation>
    </message>
    <message>
        <source>✖ CHECKSUM MISMATCH — the file received is NOT the one the portal checked. Do not release it. Recorded %1, received %2.</source>
        <translation>✖ KONTROLSUM STEMMER IKKE — den modtagne fil er IKKE den, portalen kontrollerede. Frigiv den ikke. Registreret %1, modtaget %2.</translation>
    </message>
    <message>
        <source>The portal&apos;s answer named %1.</source>
        <translation>Portalens svar nævnte %1.</translation>
    </message>
    <message>
        <source>No findings in this file</source>
        <translation>Ingen fund i denne fil</translation>
    </message>
    <message>
        <source>1 finding</source>
        <translation>1 fund</translation>
    </message>
    <message>
        <source>%1 findings</source>
        <translation>%1 fund</translation>
    </message>
    <message>
        <source>Click a finding, or press F / Shift+F, to select its line.</source>
        <translation>Klik på et fund, eller tryk F / Skift+F, for at markere dets linje.</translation>
    </message>
    <message>
        <source>The automatic check found nothing in this file.</source>
        <translation>Den automatiske kontrol fandt intet i denne fil.</translation>
    </message>
    <message>
        <source>Contents of %1</source>
        <translation>Indholdet af %1</translation>
    </message>
    <message>
        <source>Title lines above the table: %1</source>
        <translation>Titellinjer over tabellen: %1</translation>
    </message>
    <message>
        <source>Read as ACRO wrote it: %1 header rows joined with &quot; / &quot;.</source>
        <translation>Læst, som ACRO skrev den: %1 overskriftsrækker sat sammen med &quot; / &quot;.</translation>
    </message>
    <message>
        <source>Shown as text: %1</source>
        <translation>Vist som tekst: %1</translation>
    </message>
    <message>
        <source>Image %1, %2 × %3 pixels</source>
        <translation>Billede %1, %2 × %3 pixel</translation>
    </message>
    <message>
        <source>%1 × %2 pixels</source>
        <translation>%1 × %2 pixel</translation>
    </message>
    <message>
        <source>(shown enlarged)</source>
        <translation>(vist forstørret)</translation>
    </message>
    <message>
        <source>(shown smaller, to fit)</source>
        <translation>(vist formindsket, så det passer)</translation>
    </message>
    <message>
        <source>The automatic check cannot read images: look at it yourself.</source>
        <translation>Den automatiske kontrol kan ikke læse billeder: se selv på det.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Filen er tom.</translation>
    </message>
    <message>
        <source>This file needs a person.</source>
        <translation>Denne fil kræver en person.</translation>
    </message>
    <message>
        <source>The automatic check cannot read a file of this kind (%1), and Portal Desk does not show it. Ask the researcher for a checkable version, or judge it from what you know of the project.</source>
        <translation>Den automatiske kontrol kan ikke læse en fil af denne type (%1), og Portal Desk viser den ikke. Bed forskeren om en version, der kan kontrolleres, eller vurdér den ud fra, hvad du ved om projektet.</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Navn: %1</translation>
    </message>
    <message>
        <source>Kind: %1</source>
        <translation>Art: %1</translation>
    </message>
    <message>
        <source>Size: %1</source>
        <translation>Størrelse: %1</translation>
    </message>
    <message>
        <source>SHA-256: %1</source>
        <translation>SHA-256: %1</translation>
    </message>
</context>
<context>
    <name>IncidentAlerts</name>
    <message>
        <source>New critical incident: %1</source>
        <translation>Ny kritisk hændelse: %1</translation>
    </message>
    <message>
        <source>NIS2 clock running out: %1</source>
        <translation>NIS2-frist udløber snart: %1</translation>
    </message>
    <message>
        <source>%1 due in %2: “%3”</source>
        <translation>%1 forfalder om %2: “%3”</translation>
    </message>
</context>
<context>
    <name>IncidentDashboard</name>
    <message>
        <source>Hospitals</source>
        <translation>Hospitaler</translation>
    </message>
    <message>
        <source>GP clinics</source>
        <translation>Lægepraksisser</translation>
    </message>
    <message>
        <source>Care homes</source>
        <translation>Plejehjem</translation>
    </message>
    <message>
        <source>Regions</source>
        <translation>Regioner</translation>
    </message>
    <message>
        <source>Municipalities</source>
        <translation>Kommuner</translation>
    </message>
    <message>
        <source>Met in time</source>
        <translation>Overholdt i tide</translation>
    </message>
    <message>
        <source>Met late</source>
        <translation>Overholdt for sent</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Overskredet</translation>
    </message>
    <message>
        <source>Still running</source>
        <translation>Løber stadig</translation>
    </message>
    <message>
        <source>No incidents yet.</source>
        <translation>Ingen hændelser endnu.</translation>
    </message>
    <message>
        <source>Time to acknowledge and to warn per week</source>
        <translation>Tid til kvittering og til advarsel pr. uge</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>Indberettet</translation>
    </message>
    <message>
        <source>Acknowledge: median h</source>
        <translation>Kvittering: median t</translation>
    </message>
    <message>
        <source>Acknowledge: 90% h</source>
        <translation>Kvittering: 90 % t</translation>
    </message>
    <message>
        <source>Warn: median h</source>
        <translation>Advarsel: median t</translation>
    </message>
    <message>
        <source>Warn: 90% h</source>
        <translation>Advarsel: 90 % t</translation>
    </message>
    <message>
        <source>Incidents by severity</source>
        <translation>Hændelser efter alvor</translation>
    </message>
    <message>
        <source>Incidents by sector affected</source>
        <translation>Hændelser efter ramt sektor</translation>
    </message>
    <message>
        <source>NIS2 clocks</source>
        <translation>NIS2-frister</translation>
    </message>
    <message>
        <source>Time from report to acknowledgement and to warning (hours, by week reported)</source>
        <translation>Tid fra indberetning til kvittering og til advarsel (timer, efter indberetningsuge)</translation>
    </message>
    <message>
        <source>Incident reports</source>
        <translation>Hændelsesindberetninger</translation>
    </message>
    <message>
        <source>%1 incidents (merged ones counted in the incident they joined); NIS2 clocks met: %2 of %3.</source>
        <translation>%1 hændelser (sammenlagte tælles i den hændelse, de blev lagt sammen med); NIS2-frister overholdt: %2 af %3.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Portal Desk — %1</source>
        <translation>Portal Desk — %1</translation>
    </message>
    <message>
        <source>Applications</source>
        <translation>Ansøgninger</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>Godkendelser</translation>
    </message>
    <message>
        <source>Output checks</source>
        <translation>Outputkontrol</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Advarsler</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Overblik</translation>
    </message>
    <message>
        <source>Audit</source>
        <translation>Revisionsspor</translation>
    </message>
    <message>
        <source>Needs attention</source>
        <translation>Kræver handling</translation>
    </message>
    <message>
        <source>Navigation</source>
        <translation>Navigation</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Filer</translation>
    </message>
    <message>
        <source>&amp;Sync now</source>
        <translation>&amp;Synkroniser nu</translation>
    </message>
    <message>
        <source>&amp;Monthly report…</source>
        <translation>&amp;Månedsrapport…</translation>
    </message>
    <message>
        <source>S&amp;ettings…</source>
        <translation>&amp;Indstillinger…</translation>
    </message>
    <message>
        <source>Sign &amp;out…</source>
        <translation>Log &amp;ud…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Afslut</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Gå til</translation>
    </message>
    <message>
        <source>&amp;Search on this page</source>
        <translation>&amp;Søg på denne side</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hjælp</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastaturgenveje</translation>
    </message>
    <message>
        <source>&amp;About Portal Desk</source>
        <translation>&amp;Om Portal Desk</translation>
    </message>
    <message>
        <source>Monthly report saved: %1</source>
        <translation>Månedsrapport gemt: %1</translation>
    </message>
    <message>
        <source>The new language or portal is used the next time Portal Desk starts.</source>
        <translation>Det nye sprog eller den nye portal bruges, næste gang Portal Desk starter.</translation>
    </message>
    <message>
        <source>This page has no search field.</source>
        <translation>Denne side har intet søgefelt.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Log ud</translation>
    </message>
    <message>
        <source>Sign out of Portal Desk?</source>
        <translation>Log ud af Portal Desk?</translation>
    </message>
    <message>
        <source>%1 actions have not been sent yet. They stay in the offline copy unless you remove it.</source>
        <translation>%1 handlinger er ikke sendt endnu. De bliver i offlinekopien, medmindre du fjerner den.</translation>
    </message>
    <message>
        <source>Sign out, keep offline copy</source>
        <translation>Log ud, og behold offlinekopien</translation>
    </message>
    <message>
        <source>Sign out and remove offline copy</source>
        <translation>Log ud, og fjern offlinekopien</translation>
    </message>
    <message>
        <source>Quit Portal Desk</source>
        <translation>Afslut Portal Desk</translation>
    </message>
    <message numerus="yes">
        <source>%n action(s) you took are not sent to the portal yet. They are kept safely in the offline copy on this computer and will be sent the next time you sign in.</source>
        <translation>
            <numerusform>%n handling, du har foretaget, er endnu ikke sendt til portalen. Den gemmes sikkert i den offline kopi på denne computer og sendes, næste gang du logger ind.</numerusform>
            <numerusform>%n handlinger, du har foretaget, er endnu ikke sendt til portalen. De gemmes sikkert i den offline kopi på denne computer og sendes, næste gang du logger ind.</numerusform>
        </translation>
    </message>
    <message>
        <source>Quit, send later</source>
        <translation>Afslut, send senere</translation>
    </message>
    <message>
        <source>Keep working</source>
        <translation>Arbejd videre</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>Administration</translation>
    </message>
</context>
<context>
    <name>MonthlyReportDialog</name>
    <message>
        <source>Monthly report</source>
        <translation>Månedsrapport</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Måned</translation>
    </message>
    <message>
        <source>%1 (so far)</source>
        <translation>%1 (indtil nu)</translation>
    </message>
    <message>
        <source>project applications</source>
        <translation>projektansøgninger</translation>
    </message>
    <message>
        <source>output checks</source>
        <translation>outputkontrol</translation>
    </message>
    <message>
        <source>security warnings</source>
        <translation>sikkerhedsadvarsler</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>Måned:</translation>
    </message>
    <message>
        <source>A PDF for management with one page per area — %1 — each with the month&apos;s figures and a short table of numbers, made from your offline copy.</source>
        <translation>En PDF til ledelsen med én side pr. område — %1 — hver med månedens figurer og en kort taltabel, lavet ud fra din offlinekopi.</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Gem som PDF…</translation>
    </message>
    <message>
        <source>Save monthly report</source>
        <translation>Gem månedsrapport</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF-dokument (*.pdf)</translation>
    </message>
    <message>
        <source>Making the report…</source>
        <translation>Laver rapporten…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>Gemt %1.</translation>
    </message>
    <message>
        <source>The report could not be made: %1</source>
        <translation>Rapporten kunne ikke laves: %1</translation>
    </message>
</context>
<context>
    <name>NotificationBanner</name>
    <message>
        <source>Notifications</source>
        <translation>Meddelelser</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åbn</translation>
    </message>
    <message>
        <source>Open this warning</source>
        <translation>Åbn denne advarsel</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Luk</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>Portal Desk</source>
        <translation>Portal Desk</translation>
    </message>
</context>
<context>
    <name>OutputCharts</name>
    <message>
        <source>Outputs submitted, sampled and withheld per week</source>
        <translation>Output indsendt, udtaget til stikprøve og tilbageholdt pr. uge</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Indsendt</translation>
    </message>
    <message>
        <source>Sampled for a person</source>
        <translation>Udtaget til manuel kontrol</translation>
    </message>
    <message>
        <source>Withheld</source>
        <translation>Tilbageholdt</translation>
    </message>
    <message>
        <source>%1, week of %2</source>
        <translation>%1, ugen der begynder %2</translation>
    </message>
    <message>
        <source>Outputs</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>%1, by week of submission: %2 submitted, %3 sampled, %4 withheld</source>
        <translation>%1, efter indsendelsesuge: %2 indsendt, %3 udtaget til stikprøve, %4 tilbageholdt</translation>
    </message>
    <message>
        <source>Random sample rate by risk class</source>
        <translation>Andel tilfældige stikprøver efter risikoklasse</translation>
    </message>
    <message>
        <source>No output was drawn in this period.</source>
        <translation>Intet output blev udtrukket i denne periode.</translation>
    </message>
    <message>
        <source>Sampled (observed)</source>
        <translation>Udtaget (observeret)</translation>
    </message>
    <message>
        <source>95% interval</source>
        <translation>95 %-interval</translation>
    </message>
    <message>
        <source>Configured probability</source>
        <translation>Konfigureret sandsynlighed</translation>
    </message>
    <message>
        <source>Sampled outputs, risk class %1</source>
        <translation>Udtagne output, risikoklasse %1</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 af %2</translation>
    </message>
    <message>
        <source>%1
(%2 drawn)</source>
        <translation>%1
(%2 udtrukket)</translation>
    </message>
    <message>
        <source>Share of outputs sampled</source>
        <translation>Andel output udtaget til stikprøve</translation>
    </message>
    <message>
        <source>%1: %2 draws; base rate %3, raised by risk factors</source>
        <translation>%1: %2 udtrækninger; grundsats %3, forhøjet af risikofaktorer</translation>
    </message>
    <message>
        <source>%1: %2 sampled, configured %3</source>
        <translation>%1: %2 udtaget til stikprøve, konfigureret %3</translation>
    </message>
    <message>
        <source>Automatic-check findings by rule</source>
        <translation>Fund fra den automatiske kontrol efter regel</translation>
    </message>
    <message>
        <source>No findings in this period.</source>
        <translation>Ingen fund i denne periode.</translation>
    </message>
    <message>
        <source>Outputs with findings: %1</source>
        <translation>Output med fund: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n output(s)</source>
        <translation>
            <numerusform>%n output</numerusform>
            <numerusform>%n output</numerusform>
        </translation>
    </message>
    <message>
        <source> (%1 findings)</source>
        <translation> (%1 fund)</translation>
    </message>
    <message>
        <source>Outputs with at least one finding of the rule</source>
        <translation>Output med mindst ét fund efter reglen</translation>
    </message>
    <message>
        <source>%1: %2 outputs flagged</source>
        <translation>%1: %2 output markeret</translation>
    </message>
    <message>
        <source>; %1 more rules not shown</source>
        <translation>; %1 regler mere vises ikke</translation>
    </message>
</context>
<context>
    <name>OutputChecksView</name>
    <message>
        <source>Output checks</source>
        <translation>Outputkontrol</translation>
    </message>
    <message>
        <source>Held — waiting for supervisors</source>
        <translation>Standset — venter på tilsynsførende</translation>
    </message>
    <message>
        <source>Held — only those I can review</source>
        <translation>Standset — kun dem, jeg kan behandle</translation>
    </message>
    <message>
        <source>Released after a check</source>
        <translation>Frigivet efter kontrol</translation>
    </message>
    <message>
        <source>Withheld</source>
        <translation>Tilbageholdt</translation>
    </message>
    <message>
        <source>Decided (released or withheld)</source>
        <translation>Afgjort (frigivet eller tilbageholdt)</translation>
    </message>
    <message>
        <source>All outputs, clean ones too</source>
        <translation>Alle output, også de rene</translation>
    </message>
    <message>
        <source>Request sample…  (M)</source>
        <translation>Anmod om stikprøve…  (M)</translation>
    </message>
    <message>
        <source>Request a management sample of a project or a researcher (M)</source>
        <translation>Anmod om en ledelsesstikprøve af et projekt eller en forsker (M)</translation>
    </message>
    <message>
        <source>Sampling overview  (O)</source>
        <translation>Stikprøveoversigt  (O)</translation>
    </message>
    <message>
        <source>Samples drawn against samples expected, per risk class (O)</source>
        <translation>Udtrukne stikprøver i forhold til forventede, pr. risikoklasse (O)</translation>
    </message>
    <message>
        <source>Only supervisors request management samples.</source>
        <translation>Kun tilsynsførende anmoder om ledelsesstikprøver.</translation>
    </message>
    <message>
        <source>Outputs held for a check</source>
        <translation>Output standset til kontrol</translation>
    </message>
    <message>
        <source>↑/↓ or J/K move · Enter read the files · R release · W withhold · N next you can review · F next finding · ] next file · M sample · O overview</source>
        <translation>↑/↓ eller J/K flytter · Enter læs filerne · R frigiv · W tilbagehold · N næste, du kan behandle · F næste fund · ] næste fil · M stikprøve · O oversigt</translation>
    </message>
    <message>
        <source>Output</source>
        <translation>Output</translation>
    </message>
    <message>
        <source>Why held</source>
        <translation>Hvorfor standset</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Researcher</source>
        <translation>Forsker</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kontrol</translation>
    </message>
    <message>
        <source>Releases</source>
        <translation>Frigivelser</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 af %2</translation>
    </message>
    <message>
        <source>%1 of the %2 distinct releases needed</source>
        <translation>%1 af de %2 frigivelser fra forskellige personer, der kræves</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>For you</source>
        <translation>Til dig</translation>
    </message>
    <message>
        <source>Your verdict</source>
        <translation>Din afgørelse</translation>
    </message>
    <message>
        <source>&amp;Release  (R)</source>
        <translation>Frigiv  (&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Withhold  (W)</source>
        <translation>Tilbagehold  (&amp;W)</translation>
    </message>
    <message>
        <source>Go to the next output you can review</source>
        <translation>Gå til det næste output, du kan behandle</translation>
    </message>
    <message>
        <source>↑/↓ or J/K — previous / next output in the queue</source>
        <translation>↑/↓ eller J/K — forrige / næste output i køen</translation>
    </message>
    <message>
        <source>Enter — read the output&apos;s files (Esc back to the queue)</source>
        <translation>Enter — læs outputtets filer (Esc tilbage til køen)</translation>
    </message>
    <message>
        <source>R — release (asks to confirm; a flagged output needs two supervisors)</source>
        <translation>R — frigiv (beder om bekræftelse; et markeret output kræver to tilsynsførende)</translation>
    </message>
    <message>
        <source>W — withhold (a reason is required)</source>
        <translation>W — tilbagehold (en begrundelse skal udfyldes)</translation>
    </message>
    <message>
        <source>N — next output you can review</source>
        <translation>N — næste output, du kan behandle</translation>
    </message>
    <message>
        <source>F / Shift+F — next / previous finding (selects its cell)</source>
        <translation>F / Skift+F — næste / forrige fund (markerer dets celle)</translation>
    </message>
    <message>
        <source>] / [ — next / previous file of the output</source>
        <translation>] / [ — næste / forrige fil i outputtet</translation>
    </message>
    <message>
        <source>M — request a management sample</source>
        <translation>M — anmod om en ledelsesstikprøve</translation>
    </message>
    <message>
        <source>O — sampling overview: drawn against expected</source>
        <translation>O — stikprøveoversigt: udtrukket i forhold til forventet</translation>
    </message>
    <message>
        <source>From the dashboard: %1</source>
        <translation>Fra overblikket: %1</translation>
    </message>
    <message>
        <source>%1 held · %2 you can review</source>
        <translation>%1 standset · %2 kan du behandle</translation>
    </message>
    <message>
        <source>%1 of your verdicts not sent yet</source>
        <translation>%1 af dine afgørelser er ikke sendt endnu</translation>
    </message>
    <message>
        <source>%1 sample requests not sent yet</source>
        <translation>%1 stikprøveanmodninger er ikke sendt endnu</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>%1 vist</translation>
    </message>
    <message>
        <source>No output selected.</source>
        <translation>Intet output valgt.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Why it is held</source>
        <translation>Hvorfor det er standset</translation>
    </message>
    <message>
        <source>Why it was held</source>
        <translation>Hvorfor det blev standset</translation>
    </message>
    <message>
        <source>Clean and not sampled: it was released at once.</source>
        <translation>Rent og ikke udtaget til stikprøve: det blev frigivet med det samme.</translation>
    </message>
    <message>
        <source>Automatic check</source>
        <translation>Automatisk kontrol</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Sag</translation>
    </message>
    <message>
        <source>Project %1</source>
        <translation>Projekt %1</translation>
    </message>
    <message>
        <source>Researcher: %1</source>
        <translation>Forsker: %1</translation>
    </message>
    <message>
        <source>Submitted %1 (%2)</source>
        <translation>Indsendt %1 (%2)</translation>
    </message>
    <message>
        <source>Files: %1</source>
        <translation>Filer: %1</translation>
    </message>
    <message>
        <source>The researcher&apos;s note:</source>
        <translation>Forskerens bemærkning:</translation>
    </message>
    <message>
        <source>Reviews (%1 of %2 releases)</source>
        <translation>Behandlinger (%1 af %2 frigivelser)</translation>
    </message>
    <message>
        <source>No supervisor has reviewed it yet.</source>
        <translation>Ingen tilsynsførende har behandlet det endnu.</translation>
    </message>
    <message>
        <source>a supervisor</source>
        <translation>en tilsynsførende</translation>
    </message>
    <message>
        <source>%1 (you)</source>
        <translation>%1 (dig)</translation>
    </message>
    <message>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <source>Your %1 is waiting to be sent (%2).</source>
        <translation>Din %1 venter på at blive sendt (%2).</translation>
    </message>
    <message>
        <source>Audit trail of this output</source>
        <translation>Revisionsspor for dette output</translation>
    </message>
    <message>
        <source>No outputs are waiting for a check.</source>
        <translation>Ingen output venter på kontrol.</translation>
    </message>
    <message>
        <source>Release is off: the checksum of %1 does not match what the portal checked. Withhold it, or open it again to fetch the files anew.</source>
        <translation>Frigivelse er slået fra: kontrolsummen for %1 stemmer ikke med det, portalen kontrollerede. Tilbagehold det, eller åbn det igen for at hente filerne på ny.</translation>
    </message>
    <message>
        <source>Your earlier verdict was refused by the portal (%1); see Needs attention. You can decide again.</source>
        <translation>Din tidligere afgørelse blev afvist af portalen (%1); se Kræver handling. Du kan træffe afgørelse igen.</translation>
    </message>
    <message>
        <source>The checksum of %1 does not match; release is off.</source>
        <translation>Kontrolsummen for %1 stemmer ikke; frigivelse er slået fra.</translation>
    </message>
    <message>
        <source>Pending: %1 (%2)</source>
        <translation>Afventer: %1 (%2)</translation>
    </message>
    <message>
        <source>You reviewed this output: %1</source>
        <translation>Du har behandlet dette output: %1</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 den %2</translation>
    </message>
    <message>
        <source>You cannot decide on %1</source>
        <translation>Du kan ikke træffe afgørelse om %1</translation>
    </message>
    <message>
        <source>Your release would be the only one needed</source>
        <translation>Din frigivelse vil være den eneste, der kræves</translation>
    </message>
    <message>
        <source>Your release would be %1 of %2 — the last one needed</source>
        <translation>Din frigivelse vil være nr. %1 af %2 — den sidste, der kræves</translation>
    </message>
    <message>
        <source>Your release would be %1 of %2 releases</source>
        <translation>Din frigivelse vil være nr. %1 af %2 frigivelser</translation>
    </message>
    <message>
        <source>You released it; a second supervisor must release it too</source>
        <translation>Du har frigivet det; en anden tilsynsførende skal også frigive det</translation>
    </message>
    <message>
        <source>You released it; %1 more supervisors must release it too</source>
        <translation>Du har frigivet det; %1 tilsynsførende mere skal også frigive det</translation>
    </message>
    <message>
        <source>Release as %1 of %2 releases (R)</source>
        <translation>Frigiv som %1 af %2 frigivelser (R)</translation>
    </message>
    <message>
        <source>Release: the one release needed (R)</source>
        <translation>Frigiv: den ene frigivelse, der kræves (R)</translation>
    </message>
    <message>
        <source>Withhold with a reason; this ends it (W)</source>
        <translation>Tilbagehold med en begrundelse; det afslutter sagen (W)</translation>
    </message>
    <message>
        <source>release</source>
        <translation>frigivelse</translation>
    </message>
    <message>
        <source>withhold</source>
        <translation>tilbageholdelse</translation>
    </message>
    <message>
        <source>new researcher</source>
        <translation>ny forsker</translation>
    </message>
    <message>
        <source>sensitive register</source>
        <translation>følsomt register</translation>
    </message>
    <message>
        <source>1 earlier breach</source>
        <translation>1 tidligere brud</translation>
    </message>
    <message>
        <source>%1 earlier breaches</source>
        <translation>%1 tidligere brud</translation>
    </message>
    <message>
        <source>Random sample (drawn at %1)</source>
        <translation>Tilfældig stikprøve (udtrukket med %1)</translation>
    </message>
    <message>
        <source>Risk-based sample (drawn at %1)</source>
        <translation>Risikobaseret stikprøve (udtrukket med %1)</translation>
    </message>
    <message>
        <source>Management sample requested by %1</source>
        <translation>Ledelsesstikprøve anmodet af %1</translation>
    </message>
    <message>
        <source>Automatic check failed: %1</source>
        <translation>Den automatiske kontrol fandt problemer: %1</translation>
    </message>
    <message>
        <source>Automatic check asks for a person: %1</source>
        <translation>Den automatiske kontrol kræver en person: %1</translation>
    </message>
    <message>
        <source>random sample</source>
        <translation>tilfældig stikprøve</translation>
    </message>
    <message>
        <source>risk sample</source>
        <translation>risikostikprøve</translation>
    </message>
    <message>
        <source>management sample</source>
        <translation>ledelsesstikprøve</translation>
    </message>
    <message>
        <source>check: %1</source>
        <translation>kontrol: %1</translation>
    </message>
    <message>
        <source>check</source>
        <translation>kontrol</translation>
    </message>
    <message>
        <source>clean, not sampled</source>
        <translation>rent, ikke udtaget</translation>
    </message>
    <message>
        <source>Passed: no findings.</source>
        <translation>Bestået: ingen fund.</translation>
    </message>
    <message>
        <source>Passed.</source>
        <translation>Bestået.</translation>
    </message>
    <message>
        <source>1 finding</source>
        <translation>1 fund</translation>
    </message>
    <message>
        <source>%1 findings</source>
        <translation>%1 fund</translation>
    </message>
    <message>
        <source>you released it; needs a second</source>
        <translation>du har frigivet det; kræver en til</translation>
    </message>
    <message>
        <source>your own output</source>
        <translation>dit eget output</translation>
    </message>
    <message>
        <source>supervisors only</source>
        <translation>kun tilsynsførende</translation>
    </message>
    <message>
        <source>(your release: %1). Nobody reviews the same output twice.</source>
        <translation>(din frigivelse: %1). Ingen behandler det samme output to gange.</translation>
    </message>
    <message>
        <source>You have already reviewed this output (%1 %2); another supervisor must decide.</source>
        <translation>Du har allerede behandlet dette output (%1 %2); en anden tilsynsførende skal træffe afgørelse.</translation>
    </message>
    <message>
        <source>You submitted this output; another supervisor must decide.</source>
        <translation>Du har selv indsendt dette output; en anden tilsynsførende skal træffe afgørelse.</translation>
    </message>
    <message>
        <source>Your verdict was sent; the portal&apos;s updated output arrives with the next sync.</source>
        <translation>Din afgørelse er sendt; portalens opdaterede output kommer med næste synkronisering.</translation>
    </message>
    <message>
        <source>This output is already decided (%1).</source>
        <translation>Dette output er allerede afgjort (%1).</translation>
    </message>
    <message>
        <source>Only supervisors review outputs: admin has no approving role.</source>
        <translation>Kun tilsynsførende behandler output: administratoren har ingen godkendende rolle.</translation>
    </message>
    <message>
        <source>Only supervisors review outputs.</source>
        <translation>Kun tilsynsførende behandler output.</translation>
    </message>
    <message>
        <source>Not possible: a file&apos;s checksum does not match what the portal checked.</source>
        <translation>Ikke muligt: en fils kontrolsum stemmer ikke med det, portalen kontrollerede.</translation>
    </message>
    <message>
        <source>Release %1 (%2 of %3 releases)</source>
        <translation>Frigiv %1 (%2 af %3 frigivelser)</translation>
    </message>
    <message>
        <source>Release %1</source>
        <translation>Frigiv %1</translation>
    </message>
    <message>
        <source>Withhold %1</source>
        <translation>Tilbagehold %1</translation>
    </message>
    <message>
        <source>Management sample of %1 (%2 outputs): %3</source>
        <translation>Ledelsesstikprøve af %1 (%2 output): %3</translation>
    </message>
    <message>
        <source>Not queued: %1</source>
        <translation>Ikke sat i kø: %1</translation>
    </message>
    <message>
        <source>The portal refused %1 of your actions: see Needs attention.</source>
        <translation>Portalen afviste %1 af dine handlinger: se Kræver handling.</translation>
    </message>
    <message>
        <source>Sent: the portal accepted your actions.</source>
        <translation>Sendt: portalen har modtaget dine handlinger.</translation>
    </message>
    <message>
        <source>%1 of %2 releases given</source>
        <translation>%1 af %2 frigivelser givet</translation>
    </message>
    <message>
        <source>Output, project or researcher…</source>
        <translation>Output, projekt eller forsker…</translation>
    </message>
    <message>
        <source>Search outputs</source>
        <translation>Søg i output</translation>
    </message>
    <message>
        <source>Check verdict</source>
        <translation>Kontrollens resultat</translation>
    </message>
    <message>
        <source>Any check</source>
        <translation>Alle kontrolresultater</translation>
    </message>
    <message>
        <source>Sampled or not</source>
        <translation>Udtaget eller ej</translation>
    </message>
    <message>
        <source>Sampled</source>
        <translation>Udtaget til stikprøve</translation>
    </message>
    <message>
        <source>Not sampled</source>
        <translation>Ikke udtaget</translation>
    </message>
    <message>
        <source>can review</source>
        <translation>kan behandles</translation>
    </message>
    <message>
        <source>%1 of %2 releases given. Who gave them and why stays hidden until you decide, so that your review is your own.</source>
        <translation>%1 af %2 frigivelser givet. Hvem der gav dem og hvorfor er skjult, indtil du har besluttet, så din vurdering er din egen.</translation>
    </message>
</context>
<context>
    <name>OutputReviewDialog</name>
    <message>
        <source>Release output</source>
        <translation>Frigiv output</translation>
    </message>
    <message>
        <source>Release %1 as release %2 of %3?</source>
        <translation>Frigiv %1 som frigivelse %2 af %3?</translation>
    </message>
    <message>
        <source>This is the last release needed: the output leaves the research machine for the researcher.</source>
        <translation>Dette er den sidste frigivelse, der kræves: outputtet forlader forskningsmaskinen til forskeren.</translation>
    </message>
    <message>
        <source>1 of 2 releases: the automatic check flagged this output, so after yours a second supervisor must release it too. It stays held until then.</source>
        <translation>1 af 2 frigivelser: den automatiske kontrol har markeret dette output, så efter din frigivelse skal en anden tilsynsførende også frigive det. Det forbliver standset indtil da.</translation>
    </message>
    <message>
        <source>After yours, %1 more releases from other supervisors are needed.</source>
        <translation>Efter din frigivelse kræves %1 frigivelser mere fra andre tilsynsførende.</translation>
    </message>
    <message>
        <source>Release %1?</source>
        <translation>Frigiv %1?</translation>
    </message>
    <message>
        <source>One release is needed for this clean, sampled output: it leaves the research machine for the researcher.</source>
        <translation>Dette rene output, der er udtaget til stikprøve, kræver én frigivelse: så forlader det forskningsmaskinen til forskeren.</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Frigiv</translation>
    </message>
    <message>
        <source>Comment (optional):</source>
        <translation>Kommentar (valgfri):</translation>
    </message>
    <message>
        <source>Withhold output</source>
        <translation>Tilbagehold output</translation>
    </message>
    <message>
        <source>Withhold %1?</source>
        <translation>Tilbagehold %1?</translation>
    </message>
    <message>
        <source>A withhold ends it: the output does not leave the research machine. Say why; the researcher reads it.</source>
        <translation>En tilbageholdelse afslutter sagen: outputtet forlader ikke forskningsmaskinen. Skriv hvorfor; forskeren læser det.</translation>
    </message>
    <message>
        <source>Withhold</source>
        <translation>Tilbagehold</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>Begrundelse (skal udfyldes):</translation>
    </message>
    <message>
        <source>Not every file has been checked against its SHA-256 yet (%1). You have not seen what you are releasing.</source>
        <translation>Ikke alle filer er kontrolleret mod deres SHA-256 endnu (%1). Du har ikke set det, du frigiver.</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>The researcher reads this.</source>
        <translation>Forskeren læser dette.</translation>
    </message>
    <message>
        <source>For the record (optional).</source>
        <translation>Til sagen (valgfrit).</translation>
    </message>
    <message>
        <source>Too long (at most %1 characters).</source>
        <translation>For lang (højst %1 tegn).</translation>
    </message>
    <message>
        <source>Write a reason to enable %1. Esc cancels.</source>
        <translation>Skriv en begrundelse for at aktivere %1. Esc annullerer.</translation>
    </message>
    <message>
        <source>Ctrl+Enter to confirm, Esc to cancel.</source>
        <translation>Ctrl+Enter for at bekræfte, Esc for at annullere.</translation>
    </message>
    <message>
        <source>Justification (required): why may it leave despite the findings?</source>
        <translation>Begrundelse (påkrævet): hvorfor må det frigives trods fundene?</translation>
    </message>
    <message>
        <source>For the record: what you checked and why the findings do not disclose anyone.</source>
        <translation>Til sagen: hvad du har kontrolleret, og hvorfor fundene ikke afslører nogen.</translation>
    </message>
    <message>
        <source>Write a justification to enable %1. Esc cancels.</source>
        <translation>Skriv en begrundelse for at aktivere %1. Esc annullerer.</translation>
    </message>
    <message>
        <source>The automatic check found personal data (%1). Releasing gives it out of the research machine.</source>
        <translation>Den automatiske kontrol fandt personoplysninger (%1). En frigivelse udleverer dem fra forskermaskinen.</translation>
    </message>
    <message>
        <source>row %1</source>
        <translation>række %1</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more (all of them in the files on the right)</source>
        <translation>
            <numerusform>… og %n mere (alle i filerne til højre)</numerusform>
            <numerusform>… og %n mere (alle i filerne til højre)</numerusform>
        </translation>
    </message>
    <message>
        <source>The check flagged this output (verdict %1).</source>
        <translation>Kontrollen markerede dette output (resultat %1).</translation>
    </message>
    <message>
        <source>What the automatic check found:</source>
        <translation>Hvad den automatiske kontrol fandt:</translation>
    </message>
    <message>
        <source>Withhold reason</source>
        <translation>Begrundelse for tilbageholdelse</translation>
    </message>
    <message>
        <source>Choose a reason…</source>
        <translation>Vælg en begrundelse…</translation>
    </message>
    <message>
        <source>Explanation for the researcher (required):</source>
        <translation>Forklaring til forskeren (påkrævet):</translation>
    </message>
    <message>
        <source>Choose a reason and write an explanation to enable %1. Esc cancels.</source>
        <translation>Vælg en begrundelse og skriv en forklaring for at aktivere %1. Esc annullerer.</translation>
    </message>
</context>
<context>
    <name>OutputTurnaround</name>
    <message>
        <source>Output turnaround per week</source>
        <translation>Behandlingstid for output pr. uge</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Uge</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>Indsendt</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Frigivet</translation>
    </message>
    <message>
        <source>Withheld</source>
        <translation>Tilbageholdt</translation>
    </message>
    <message>
        <source>Decision: median h</source>
        <translation>Afgørelse: median t</translation>
    </message>
    <message>
        <source>Decision: 90% h</source>
        <translation>Afgørelse: 90 % t</translation>
    </message>
    <message>
        <source>Within 5 working days</source>
        <translation>Inden for 5 arbejdsdage</translation>
    </message>
    <message>
        <source>Withhold reasons</source>
        <translation>Begrundelser for tilbageholdelse</translation>
    </message>
    <message>
        <source>Reviews per supervisor</source>
        <translation>Vurderinger pr. kontrollant</translation>
    </message>
    <message>
        <source>Time from submission to a supervisor&apos;s decision (hours, by week decided)</source>
        <translation>Tid fra indsendelse til en kontrollants afgørelse (timer, efter afgørelsesuge)</translation>
    </message>
    <message>
        <source>Output turnaround</source>
        <translation>Behandlingstid for output</translation>
    </message>
    <message>
        <source>Last %1 weeks: %2 submitted, %3 released, %4 withheld; decided by a person within %5 working days: %6 (median %7 h, 90% within %8 h). Danish public holidays are not working days.</source>
        <translation>Seneste %1 uger: %2 indsendt, %3 frigivet, %4 tilbageholdt; afgjort af en person inden for %5 arbejdsdage: %6 (median %7 t, 90 % inden for %8 t). Danske helligdage er ikke arbejdsdage.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Ingen</translation>
    </message>
</context>
<context>
    <name>OutputViewer</name>
    <message>
        <source>%1 bytes</source>
        <translation>%1 byte</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>Select an output in the queue to read its files.</source>
        <translation>Vælg et output i køen for at læse dets filer.</translation>
    </message>
    <message>
        <source>%1 — %2, %3 findings</source>
        <translation>%1 — %2, %3 fund</translation>
    </message>
    <message>
        <source>(other)</source>
        <translation>(andet)</translation>
    </message>
    <message>
        <source>These findings name files that are not in this output.</source>
        <translation>Disse fund nævner filer, der ikke er i dette output.</translation>
    </message>
    <message>
        <source>Other findings</source>
        <translation>Andre fund</translation>
    </message>
    <message>
        <source>This output has no files.</source>
        <translation>Dette output har ingen filer.</translation>
    </message>
    <message>
        <source>The portal did not hand out this file (%1): %2</source>
        <translation>Portalen udleverede ikke denne fil (%1): %2</translation>
    </message>
    <message>
        <source>The file could not be fetched: %1</source>
        <translation>Filen kunne ikke hentes: %1</translation>
    </message>
    <message>
        <source>The file could not be read: %1</source>
        <translation>Filen kunne ikke læses: %1</translation>
    </message>
    <message>
        <source>The portal could not be reached: file contents need the portal. The findings below come from the offline copy.</source>
        <translation>Portalen kunne ikke nås: filindhold kræver portalen. Fundene nedenfor kommer fra offlinekopien.</translation>
    </message>
    <message>
        <source>✖ A file&apos;s checksum does not match: what you see is not what the portal checked. Do not release this output.</source>
        <translation>✖ En fils kontrolsum stemmer ikke: det, du ser, er ikke det, portalen kontrollerede. Frigiv ikke dette output.</translation>
    </message>
    <message>
        <source>The file contents need the portal, and you are offline. The findings of the automatic check (from the offline copy) are listed beside; the file is shown when the portal can be reached again.</source>
        <translation>Filindholdet kræver portalen, og du er offline. Fundene fra den automatiske kontrol (fra offlinekopien) står ved siden af; filen vises, når portalen kan nås igen.</translation>
    </message>
    <message>
        <source>Offline: file contents need the portal. The findings come from the offline copy.</source>
        <translation>Offline: filindhold kræver portalen. Fundene kommer fra offlinekopien.</translation>
    </message>
</context>
<context>
    <name>QStatusBar</name>
    <message>
        <source>Connection state</source>
        <translation>Forbindelsesstatus</translation>
    </message>
    <message>
        <source>Actions waiting to be sent</source>
        <translation>Handlinger, der venter på at blive sendt</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Synkroniserer…</translation>
    </message>
    <message>
        <source>Syncing… %1 changes received</source>
        <translation>Synkroniserer… %1 ændringer modtaget</translation>
    </message>
    <message>
        <source>● Sign-in needed</source>
        <translation>● Login kræves</translation>
    </message>
    <message>
        <source>● Online</source>
        <translation>● Online</translation>
    </message>
    <message>
        <source>● Offline</source>
        <translation>● Offline</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 venter</translation>
    </message>
    <message>
        <source>Synced %1</source>
        <translation>Synkroniseret %1</translation>
    </message>
    <message>
        <source>Working offline from the copy on this computer</source>
        <translation>Arbejder offline med kopien på denne computer</translation>
    </message>
    <message>
        <source>● Offline mode</source>
        <translation>● Offlinetilstand</translation>
    </message>
    <message>
        <source>Offline mode: the portal is not contacted. What you do waits on this computer until you next sign in online.</source>
        <translation>Offlinetilstand: portalen kontaktes ikke. Det, du gør, venter på denne computer, til du næste gang logger ind online.</translation>
    </message>
    <message>
        <source>Offline: the portal cannot be reached. Your actions wait on this computer.</source>
        <translation>Offline: portalen kan ikke nås. Dine handlinger venter på denne computer.</translation>
    </message>
    <message>
        <source>Trying again in %1 s.</source>
        <translation>Prøver igen om %1 s.</translation>
    </message>
    <message>
        <source>The portal answered with an error; nothing you did is lost.</source>
        <translation>Portalen svarede med en fejl; intet af det, du har gjort, er tabt.</translation>
    </message>
    <message>
        <source>Portal unavailable, retrying in %1 s</source>
        <translation>Portalen er utilgængelig, prøver igen om %1 s</translation>
    </message>
</context>
<context>
    <name>RecipientPreview</name>
    <message>
        <source>Update — revision %1: %2</source>
        <translation>Opdatering — udgave %1: %2</translation>
    </message>
    <message>
        <source>Severity: %1</source>
        <translation>Alvorlighed: %1</translation>
    </message>
    <message>
        <source>(no title yet)</source>
        <translation>(ingen titel endnu)</translation>
    </message>
    <message>
        <source>Vulnerabilities: %1</source>
        <translation>Sårbarheder: %1</translation>
    </message>
    <message>
        <source>1 hour</source>
        <translation>1 time</translation>
    </message>
    <message>
        <source>%1 hours</source>
        <translation>%1 timer</translation>
    </message>
    <message>
        <source>Please acknowledge this warning within %1 of receiving it: received, mitigated or not affected.</source>
        <translation>Kvittér venligst for denne advarsel inden for %1 efter modtagelsen: modtaget, afhjulpet eller ikke berørt.</translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation>Gyldig til %1.</translation>
    </message>
</context>
<context>
    <name>ReportPainter</name>
    <message>
        <source>Portal Desk monthly report, %1</source>
        <translation>Portal Desk månedsrapport, %1</translation>
    </message>
    <message>
        <source>Project applications</source>
        <translation>Projektansøgninger</translation>
    </message>
    <message>
        <source>Output checks</source>
        <translation>Outputkontrol</translation>
    </message>
    <message>
        <source>Security warnings</source>
        <translation>Sikkerhedsadvarsler</translation>
    </message>
    <message>
        <source>Acknowledgements of the warnings sent in %1</source>
        <translation>Kvitteringer for advarsler sendt i %1</translation>
    </message>
    <message>
        <source>Portal Desk · made %1 from the offline copy</source>
        <translation>Portal Desk · lavet %1 ud fra offlinekopien</translation>
    </message>
    <message>
        <source> (last synced %1)</source>
        <translation> (sidst synkroniseret %1)</translation>
    </message>
    <message>
        <source>Working days: Monday to Friday; Danish public holidays are not counted.</source>
        <translation>Arbejdsdage: mandag til fredag; danske helligdage tælles ikke med.</translation>
    </message>
    <message>
        <source>Applications received (resubmissions included)</source>
        <translation>Modtagne ansøgninger (genindsendelser medregnet)</translation>
    </message>
    <message>
        <source>Decisions: approved / rejected / returned</source>
        <translation>Afgørelser: godkendt / afvist / sendt tilbage</translation>
    </message>
    <message>
        <source>Approvals given by caseworkers</source>
        <translation>Godkendelser givet af sagsbehandlere</translation>
    </message>
    <message>
        <source>Median working days from submission to decision</source>
        <translation>Median antal arbejdsdage fra indsendelse til afgørelse</translation>
    </message>
    <message>
        <source>Waiting for a decision at the end of the month</source>
        <translation>Venter på afgørelse ved månedens udgang</translation>
    </message>
    <message>
        <source>… of which past 5 / 10 / 20 working days</source>
        <translation>… heraf over 5 / 10 / 20 arbejdsdage</translation>
    </message>
    <message>
        <source>Outputs submitted</source>
        <translation>Indsendte output</translation>
    </message>
    <message>
        <source>Flagged by the automatic check (review or fail)</source>
        <translation>Markeret af den automatiske kontrol (skal vurderes eller ikke bestået)</translation>
    </message>
    <message>
        <source>Sampled for a person: random / risk-based / management</source>
        <translation>Udtaget til manuel kontrol: tilfældig / risikobaseret / ledelse</translation>
    </message>
    <message>
        <source>Of this month&apos;s outputs: released / withheld so far</source>
        <translation>Af månedens output: frigivet / tilbageholdt indtil nu</translation>
    </message>
    <message>
        <source>Held for a person now (all months)</source>
        <translation>Standset til manuel kontrol nu (alle måneder)</translation>
    </message>
    <message>
        <source>Warnings sent</source>
        <translation>Sendte advarsler</translation>
    </message>
    <message>
        <source>Organisations addressed (one per warning)</source>
        <translation>Adresserede organisationer (én pr. advarsel)</translation>
    </message>
    <message>
        <source>Acknowledged by the deadline</source>
        <translation>Kvitteret inden fristen</translation>
    </message>
    <message>
        <source>Acknowledged by the end of the month</source>
        <translation>Kvitteret inden månedens udgang</translation>
    </message>
    <message>
        <source>Organisations that missed a deadline</source>
        <translation>Organisationer, der overskred en frist</translation>
    </message>
    <message>
        <source>In numbers</source>
        <translation>I tal</translation>
    </message>
    <message>
        <source>Decided by a supervisor: median / 90th percentile hours</source>
        <translation>Afgjort af en kontrollant: median / 90. percentil i timer</translation>
    </message>
    <message>
        <source>Decided within 5 working days (Danish public holidays not counted)</source>
        <translation>Afgjort inden for 5 arbejdsdage (danske helligdage tælles ikke med)</translation>
    </message>
    <message>
        <source>Withhold reasons</source>
        <translation>Begrundelser for tilbageholdelse</translation>
    </message>
</context>
<context>
    <name>RetractDialog</name>
    <message>
        <source>Retract %1</source>
        <translation>Træk %1 tilbage</translation>
    </message>
    <message>
        <source>Retract “%1”? Recipients see the reason; the warning asks for no further acknowledgement.</source>
        <translation>Træk “%1” tilbage? Modtagerne ser begrundelsen; advarslen beder ikke om flere kvitteringer.</translation>
    </message>
    <message>
        <source>Why it is retracted (required)</source>
        <translation>Hvorfor den trækkes tilbage (skal udfyldes)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Retract</source>
        <translation>Træk tilbage</translation>
    </message>
    <message>
        <source>Give the reason first</source>
        <translation>Angiv først begrundelsen</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Approve application</source>
        <translation>Godkend ansøgning</translation>
    </message>
    <message>
        <source>Approve %1 as the %2 of %3?</source>
        <translation>Godkend %1 som %2 godkendelse af %3?</translation>
    </message>
    <message>
        <source>This is the last approval needed: the application will be approved.</source>
        <translation>Dette er den sidste godkendelse, der kræves: ansøgningen bliver godkendt.</translation>
    </message>
    <message>
        <source>After yours, one more approval from another caseworker is needed.</source>
        <translation>Efter din godkendelse kræves én godkendelse mere fra en anden sagsbehandler.</translation>
    </message>
    <message>
        <source>After yours, %1 more approvals from other caseworkers are needed.</source>
        <translation>Efter din godkendelse kræves %1 godkendelser mere fra andre sagsbehandlere.</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkend</translation>
    </message>
    <message>
        <source>Reject application</source>
        <translation>Afvis ansøgning</translation>
    </message>
    <message>
        <source>Reject %1?</source>
        <translation>Afvis %1?</translation>
    </message>
    <message>
        <source>A rejection ends the application. Give the reason; the applicant sees it.</source>
        <translation>En afvisning afslutter ansøgningen. Angiv begrundelsen; ansøgeren kan se den.</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Afvis</translation>
    </message>
    <message>
        <source>Return application</source>
        <translation>Send ansøgning tilbage</translation>
    </message>
    <message>
        <source>Return %1 to the applicant?</source>
        <translation>Send %1 tilbage til ansøgeren?</translation>
    </message>
    <message>
        <source>The applicant can change and resubmit it. Say what must change; the applicant sees it.</source>
        <translation>Ansøgeren kan ændre og genindsende den. Skriv, hvad der skal ændres; ansøgeren kan se det.</translation>
    </message>
    <message>
        <source>Return</source>
        <translation>Send tilbage</translation>
    </message>
    <message>
        <source>%1 — sensitive, %2 approvals needed</source>
        <translation>%1 — følsomt, %2 godkendelser kræves</translation>
    </message>
    <message>
        <source>Reason (required):</source>
        <translation>Begrundelse (skal udfyldes):</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Why? The applicant reads this.</source>
        <translation>Hvorfor? Ansøgeren læser dette.</translation>
    </message>
    <message>
        <source>Ctrl+Enter to confirm, Esc to cancel.</source>
        <translation>Ctrl+Enter for at bekræfte, Esc for at annullere.</translation>
    </message>
    <message>
        <source>The reason is too long (at most %1 characters).</source>
        <translation>Begrundelsen er for lang (højst %1 tegn).</translation>
    </message>
    <message>
        <source>Write a reason to enable %1. Esc cancels.</source>
        <translation>Skriv en begrundelse for at aktivere %1. Esc annullerer.</translation>
    </message>
    <message>
        <source>Comment (optional):</source>
        <translation>Kommentar (valgfri):</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>For the other caseworkers and the applicant</source>
        <translation>Til de andre sagsbehandlere og ansøgeren</translation>
    </message>
    <message>
        <source>The text holds control characters or direction overrides, which the portal does not take.</source>
        <translation>Teksten indeholder kontroltegn eller retningsskift, som portalen ikke tager imod.</translation>
    </message>
</context>
<context>
    <name>ReviewQueuePage</name>
    <message>
        <source>Show</source>
        <translation>Vis</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Vis:</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>Submitted %1</source>
        <translation>Indsendt %1</translation>
    </message>
    <message>
        <source>Why you cannot decide</source>
        <translation>Hvorfor du ikke kan træffe afgørelse</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Seneste handling</translation>
    </message>
    <message>
        <source>&amp;Next  (N)</source>
        <translation>&amp;Næste  (N)</translation>
    </message>
    <message>
        <source>Nothing else in the queue that you can review.</source>
        <translation>Der er ikke mere i køen, som du kan behandle.</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>Intet valgt</translation>
    </message>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 dage</translation>
    </message>
    <message>
        <source>sending</source>
        <translation>ved at blive sendt</translation>
    </message>
    <message>
        <source>queued</source>
        <translation>sat i kø</translation>
    </message>
    <message>
        <source>pending: %1 (%2)</source>
        <translation>afventer: %1 (%2)</translation>
    </message>
    <message>
        <source>can review</source>
        <translation>kan behandles</translation>
    </message>
    <message>
        <source>refused earlier</source>
        <translation>afvist tidligere</translation>
    </message>
    <message>
        <source>already reviewed by you</source>
        <translation>allerede behandlet af dig</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>afventer</translation>
    </message>
    <message>
        <source>sent, waiting for the portal</source>
        <translation>sendt, venter på portalen</translation>
    </message>
    <message>
        <source>Your %1 is %2 and is sent at the next sync. You cannot decide again until the portal has answered.</source>
        <translation>Din %1 er %2 og sendes ved næste synkronisering. Du kan ikke træffe afgørelse igen, før portalen har svaret.</translation>
    </message>
    <message>
        <source>Not possible: %1</source>
        <translation>Ikke muligt: %1</translation>
    </message>
    <message>
        <source>Not queued: %1 changed while you were deciding. Check it and decide again.</source>
        <translation>Ikke sat i kø: %1 blev ændret, mens du traf afgørelse. Kontrollér den, og træf afgørelse igen.</translation>
    </message>
    <message>
        <source>Queued: %1. Sending…</source>
        <translation>Sat i kø: %1. Sender…</translation>
    </message>
    <message>
        <source>Queued: %1. You are offline: it is sent when the portal can be reached.</source>
        <translation>Sat i kø: %1. Du er offline: den sendes, når portalen kan nås.</translation>
    </message>
    <message>
        <source>%1 — then %2</source>
        <translation>%1 — derefter %2</translation>
    </message>
    <message>
        <source>your certification lapsed</source>
        <translation>din certificering er udløbet</translation>
    </message>
</context>
<context>
    <name>SampleDialog</name>
    <message>
        <source>Request a management sample</source>
        <translation>Anmod om en ledelsesstikprøve</translation>
    </message>
    <message>
        <source>Hold outputs of a project or a researcher for a supervisor&apos;s check. The newest outputs that are still held are taken, up to the number you ask for; released ones have left the research machines and cannot be recalled, withheld ones are decided.</source>
        <translation>Stands output fra et projekt eller en forsker til kontrol hos en tilsynsførende. De nyeste output, der stadig er standset, udtages, op til det antal du beder om; frigivne output har forladt forskningsmaskinerne og kan ikke kaldes tilbage, tilbageholdte er afgjort.</translation>
    </message>
    <message>
        <source>A &amp;project</source>
        <translation>Et &amp;projekt</translation>
    </message>
    <message>
        <source>A r&amp;esearcher</source>
        <translation>En f&amp;orsker</translation>
    </message>
    <message>
        <source>Project or researcher</source>
        <translation>Projekt eller forsker</translation>
    </message>
    <message>
        <source>Number of outputs</source>
        <translation>Antal output</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Why this sample? It is recorded with the sample and in the audit trail.</source>
        <translation>Hvorfor denne stikprøve? Det registreres sammen med stikprøven og i revisionssporet.</translation>
    </message>
    <message>
        <source>Sample of:</source>
        <translation>Stikprøve af:</translation>
    </message>
    <message>
        <source>&amp;Which:</source>
        <translation>&amp;Hvilken:</translation>
    </message>
    <message>
        <source>&amp;Outputs, at most:</source>
        <translation>Højst &amp;antal output:</translation>
    </message>
    <message>
        <source>&amp;Reason (required):</source>
        <translation>&amp;Begrundelse (skal udfyldes):</translation>
    </message>
    <message>
        <source>Request sample</source>
        <translation>Anmod om stikprøve</translation>
    </message>
    <message>
        <source>project %1</source>
        <translation>projekt %1</translation>
    </message>
    <message>
        <source>researcher %1 (%2)</source>
        <translation>forsker %1 (%2)</translation>
    </message>
    <message>
        <source>Nothing to choose from in the offline copy yet.</source>
        <translation>Intet at vælge imellem i offlinekopien endnu.</translation>
    </message>
    <message>
        <source>None of its outputs is held now: the sample is recorded with no outputs (as far as this copy knows).</source>
        <translation>Ingen af dens output er standset nu: stikprøven registreres uden output (så vidt denne kopi ved).</translation>
    </message>
    <message>
        <source>Ctrl+Enter to request, Esc to cancel.</source>
        <translation>Ctrl+Enter for at anmode, Esc for at annullere.</translation>
    </message>
    <message>
        <source>Choose a project or a researcher.</source>
        <translation>Vælg et projekt eller en forsker.</translation>
    </message>
    <message>
        <source>Write a reason to enable Request sample. Esc cancels.</source>
        <translation>Skriv en begrundelse for at aktivere Anmod om stikprøve. Esc annullerer.</translation>
    </message>
    <message>
        <source>The reason is too long (at most %1 characters).</source>
        <translation>Begrundelsen er for lang (højst %1 tegn).</translation>
    </message>
    <message>
        <source>%1 — %2 (%3, %4)</source>
        <translation>%1 — %2 (%3, %4)</translation>
    </message>
    <message numerus="yes">
        <source>%n output(s)</source>
        <translation>
            <numerusform>%n output</numerusform>
            <numerusform>%n output</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n held</source>
        <translation>
            <numerusform>%n tilbageholdt</numerusform>
            <numerusform>%n tilbageholdt</numerusform>
        </translation>
    </message>
    <message>
        <source>Held now: %1; taken: %2 (as far as this copy knows).</source>
        <translation>Tilbageholdt nu: %1; udtages: %2 (så vidt denne kopi ved).</translation>
    </message>
</context>
<context>
    <name>SamplingOverviewDialog</name>
    <message>
        <source>Sampling overview</source>
        <translation>Stikprøveoversigt</translation>
    </message>
    <message>
        <source>Verdict on the draws</source>
        <translation>Vurdering af udtrækningerne</translation>
    </message>
    <message>
        <source>Samples drawn and expected per risk class</source>
        <translation>Udtrukne og forventede stikprøver pr. risikoklasse</translation>
    </message>
    <message>
        <source>Risk class</source>
        <translation>Risikoklasse</translation>
    </message>
    <message>
        <source>Draws</source>
        <translation>Udtrækninger</translation>
    </message>
    <message>
        <source>Expected samples</source>
        <translation>Forventede stikprøver</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Observeret</translation>
    </message>
    <message>
        <source>Expected range (95 %)</source>
        <translation>Forventet interval (95 %)</translation>
    </message>
    <message>
        <source>Rate: observed / expected</source>
        <translation>Andel: observeret / forventet</translation>
    </message>
    <message>
        <source>In words</source>
        <translation>I ord</translation>
    </message>
    <message>
        <source>Every submission is drawn with its own probability (a base rate raised by risk factors). Expected samples are the sum of those probabilities; the range is expected ± 1.96 standard deviations. An honest draw lands outside the range about 1 time in 20 per row: a single miss is not proof of anything, but a class far outside, or outside again and again, is worth a closer look at its draw records (each can be recomputed).</source>
        <translation>Hver indsendelse udtrækkes med sin egen sandsynlighed (en grundsats forhøjet af risikofaktorer). Det forventede antal stikprøver er summen af disse sandsynligheder; intervallet er det forventede ± 1,96 standardafvigelser. En ærlig udtrækning lander uden for intervallet cirka 1 gang ud af 20 pr. række: en enkelt afvigelse beviser ikke noget, men en klasse langt udenfor, eller udenfor igen og igen, er værd at se nærmere på i udtrækningsposterne (hver kan genberegnes).</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Opdater</translation>
    </message>
    <message>
        <source>Offline: computed from the draws in the offline copy.</source>
        <translation>Offline: beregnet ud fra udtrækningerne i offlinekopien.</translation>
    </message>
    <message>
        <source>Asking the portal…</source>
        <translation>Spørger portalen…</translation>
    </message>
    <message>
        <source>The portal&apos;s count over every output, as of %1.</source>
        <translation>Portalens optælling over alle output pr. %1.</translation>
    </message>
    <message>
        <source>The portal did not answer (%1): computed from the draws in the offline copy.</source>
        <translation>Portalen svarede ikke (%1): beregnet ud fra udtrækningerne i offlinekopien.</translation>
    </message>
    <message>
        <source>Base (no risk factor)</source>
        <translation>Grundniveau (ingen risikofaktor)</translation>
    </message>
    <message>
        <source>Elevated (one risk factor)</source>
        <translation>Forhøjet (én risikofaktor)</translation>
    </message>
    <message>
        <source>High (two or more)</source>
        <translation>Høj (to eller flere)</translation>
    </message>
    <message>
        <source>All classes</source>
        <translation>Alle klasser</translation>
    </message>
    <message>
        <source>no draws</source>
        <translation>ingen udtrækninger</translation>
    </message>
    <message>
        <source>within the expected range</source>
        <translation>inden for det forventede interval</translation>
    </message>
    <message>
        <source>fewer samples than expected</source>
        <translation>færre stikprøver end forventet</translation>
    </message>
    <message>
        <source>more samples than expected</source>
        <translation>flere stikprøver end forventet</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 til %2</translation>
    </message>
    <message>
        <source>Rates in force: base %1; + %2 for a new researcher (fewer than %3 earlier outputs); + %4 per earlier breach; + %5 for a sensitive register; never above %6.</source>
        <translation>Gældende satser: grundsats %1; + %2 for en ny forsker (færre end %3 tidligere output); + %4 pr. tidligere brud; + %5 for et følsomt register; aldrig over %6.</translation>
    </message>
    <message>
        <source>No draws yet: nothing to judge.</source>
        <translation>Ingen udtrækninger endnu: intet at vurdere.</translation>
    </message>
    <message>
        <source>The draws are within the expected range: %1 samples drawn in %2 draws, where %3 to %4 were expected.</source>
        <translation>Udtrækningerne ligger inden for det forventede interval: %1 stikprøver udtrukket i %2 udtrækninger, hvor %3 til %4 var forventet.</translation>
    </message>
    <message>
        <source>%1: %2 drawn where %3 to %4 were expected</source>
        <translation>%1: %2 udtrukket, hvor %3 til %4 var forventet</translation>
    </message>
    <message>
        <source>Outside the expected range — %1. Chance does this about 1 time in 20 per class; look at the draw records.</source>
        <translation>Uden for det forventede interval — %1. Tilfældigheder giver dette cirka 1 gang ud af 20 pr. klasse; se på udtrækningsposterne.</translation>
    </message>
    <message numerus="yes">
        <source>%n output(s) in the copy.</source>
        <translation>
            <numerusform>%n output i kopien.</numerusform>
            <numerusform>%n output i kopien.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Management samples: %1, holding %n output(s). They are chosen by supervisors, not drawn, and are not counted above.</source>
        <translation>
            <numerusform>Ledelsesstikprøver: %1, som tilbageholder %n output. De vælges af tilsynsførende, trækkes ikke og tælles ikke med ovenfor.</numerusform>
            <numerusform>Ledelsesstikprøver: %1, som tilbageholder %n output. De vælges af tilsynsførende, trækkes ikke og tælles ikke med ovenfor.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Indstillinger</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Sprog</translation>
    </message>
    <message>
        <source>The language of menus, buttons and messages, and the format of dates and numbers</source>
        <translation>Sproget i menuer, knapper og beskeder samt formatet for datoer og tal</translation>
    </message>
    <message>
        <source>The system&apos;s language (%1)</source>
        <translation>Systemets sprog (%1)</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Sprog:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Sync interval in seconds</source>
        <translation>Synkroniseringsinterval i sekunder</translation>
    </message>
    <message>
        <source>&amp;Sync every:</source>
        <translation>S&amp;ynkroniser hvert:</translation>
    </message>
    <message>
        <source>Empty: the demo portal on this computer</source>
        <translation>Tom: demoportalen på denne computer</translation>
    </message>
    <message>
        <source>Portal address</source>
        <translation>Portaladresse</translation>
    </message>
    <message>
        <source>https address of the portal; empty for the demo portal on this computer</source>
        <translation>portalens https-adresse; tom for demoportalen på denne computer</translation>
    </message>
    <message>
        <source>&amp;Portal:</source>
        <translation>&amp;Portal:</translation>
    </message>
    <message>
        <source>Changes to the language and the portal take effect the next time Portal Desk starts.</source>
        <translation>Ændringer af sprog og portal træder i kraft, næste gang Portal Desk starter.</translation>
    </message>
    <message>
        <source>Settings are kept in %1</source>
        <translation>Indstillingerne gemmes i %1</translation>
    </message>
    <message>
        <source>Enter the portal&apos;s https address, e.g. https://portal.example.org (plain http is allowed only on this computer).</source>
        <translation>Angiv portalens https-adresse, f.eks. https://portal.example.org (almindelig http er kun tilladt på denne computer).</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastaturgenveje</translation>
    </message>
    <message>
        <source>Tab and Shift+Tab move between controls; Space or Enter operates the one with the focus; the arrow keys move in lists and tables. Menus open with Alt and the underlined letter.</source>
        <translation>Tab og Skift+Tab flytter mellem felter og knapper; Mellemrum eller Enter betjener den, der har fokus; piletasterne flytter i lister og tabeller. Menuer åbnes med Alt og det understregede bogstav.</translation>
    </message>
    <message>
        <source>Grouped by where they work: keys, then what they do</source>
        <translation>Grupperet efter hvor de virker: taster, derefter hvad de gør</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Taster</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Handling</translation>
    </message>
    <message>
        <source>Tab / Shift+Tab — next / previous control</source>
        <translation>Tab / Skift+Tab — næste / forrige felt eller knap</translation>
    </message>
    <message>
        <source>Space — press the button or tick the box that has the focus</source>
        <translation>Mellemrum — tryk på knappen eller sæt flueben i feltet, der har fokus</translation>
    </message>
    <message>
        <source>Alt+letter — open a menu (the underlined letter)</source>
        <translation>Alt+bogstav — åbn en menu (det understregede bogstav)</translation>
    </message>
    <message>
        <source>Esc — close a dialog without changes</source>
        <translation>Esc — luk en dialog uden ændringer</translation>
    </message>
    <message>
        <source>Everywhere</source>
        <translation>Overalt</translation>
    </message>
    <message>
        <source>%1 (open now)</source>
        <translation>%1 (åben nu)</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Sign in to Portal Desk</source>
        <translation>Log ind på Portal Desk</translation>
    </message>
    <message>
        <source>Sign in again</source>
        <translation>Log ind igen</translation>
    </message>
    <message>
        <source>Portal Desk</source>
        <translation>Portal Desk</translation>
    </message>
    <message>
        <source>Your session has ended. Sign in again to send your queued actions; nothing you did is lost.</source>
        <translation>Din session er udløbet. Log ind igen for at sende dine handlinger i kø; intet af det, du har gjort, går tabt.</translation>
    </message>
    <message>
        <source>Sign in with your password and the 6-digit code from your authenticator app.</source>
        <translation>Log ind med din adgangskode og den 6-cifrede kode fra din godkendelsesapp.</translation>
    </message>
    <message>
        <source>Portal: %1</source>
        <translation>Portal: %1</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Adgangskode</translation>
    </message>
    <message>
        <source>Six-digit code</source>
        <translation>Sekscifret kode</translation>
    </message>
    <message>
        <source>Fill demo code</source>
        <translation>Udfyld demokode</translation>
    </message>
    <message>
        <source>Computes the current code of a demo user</source>
        <translation>Beregner den aktuelle kode for en demobruger</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>&amp;Brugernavn</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Adgangskode</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Kode</translation>
    </message>
    <message>
        <source>Sign-in message</source>
        <translation>Loginbesked</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Log ind</translation>
    </message>
    <message>
        <source>Work offline</source>
        <translation>Arbejd offline</translation>
    </message>
    <message>
        <source>Open the encrypted copy on this computer without the portal</source>
        <translation>Åbn den krypterede kopi på denne computer uden portalen</translation>
    </message>
    <message>
        <source>Demo portal on this computer. Every demo user&apos;s password is “demo”; “Fill demo code” computes the code.</source>
        <translation>Demoportal på denne computer. Alle demobrugeres adgangskode er “demo”; “Udfyld demokode” beregner koden.</translation>
    </message>
    <message>
        <source>embedded demo portal</source>
        <translation>indbygget demoportal</translation>
    </message>
    <message>
        <source>Starting demo portal…</source>
        <translation>Starter demoportalen…</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Logger ind…</translation>
    </message>
    <message>
        <source>Too many failed attempts. You can try again in %1 min %2 s.</source>
        <translation>For mange mislykkede forsøg. Du kan prøve igen om %1 min %2 s.</translation>
    </message>
    <message>
        <source>Wrong username, password or code.</source>
        <translation>Forkert brugernavn, adgangskode eller kode.</translation>
    </message>
    <message>
        <source>This code was already used. Wait for the next code (in about %1 s).</source>
        <translation>Denne kode er allerede brugt. Vent på den næste kode (om cirka %1 s).</translation>
    </message>
    <message>
        <source>Too many failed attempts. Try again in %1 minutes.</source>
        <translation>For mange mislykkede forsøg. Prøv igen om %1 minutter.</translation>
    </message>
    <message>
        <source>The portal refused the sign-in: %1</source>
        <translation>Portalen afviste login: %1</translation>
    </message>
    <message>
        <source>This portal address is not secure (https is required).</source>
        <translation>Denne portaladresse er ikke sikker (https kræves).</translation>
    </message>
    <message>
        <source>The portal cannot be reached. You can work offline with the copy on this computer.</source>
        <translation>Portalen kan ikke nås. Du kan arbejde offline med kopien på denne computer.</translation>
    </message>
    <message>
        <source>The portal cannot be reached. Check the network and try again.</source>
        <translation>Portalen kan ikke nås. Kontrollér netværket, og prøv igen.</translation>
    </message>
    <message>
        <source>The portal answered with an error. Try again in a moment.</source>
        <translation>Portalen svarede med en fejl. Prøv igen om lidt.</translation>
    </message>
    <message>
        <source>The offline copy cannot be opened: %1</source>
        <translation>Offlinekopien kan ikke åbnes: %1</translation>
    </message>
    <message>
        <source>Sign-in failed: %1</source>
        <translation>Login mislykkedes: %1</translation>
    </message>
    <message>
        <source>Offline mode: Portal Desk does not contact the portal. Enter your username and password to open the encrypted copy on this computer; what you do waits there until you next sign in online.</source>
        <translation>Offlinetilstand: Portal Desk kontakter ikke portalen. Angiv dit brugernavn og din adgangskode for at åbne den krypterede kopi på denne computer; det, du gør, venter der, til du næste gang logger ind online.</translation>
    </message>
    <message>
        <source>Portal: not contacted (offline mode)</source>
        <translation>Portal: kontaktes ikke (offlinetilstand)</translation>
    </message>
    <message>
        <source>Open offline copy</source>
        <translation>Åbn offline kopi</translation>
    </message>
    <message>
        <source>I have an enrolment code</source>
        <translation>Jeg har en tilmeldingskode</translation>
    </message>
    <message>
        <source>First sign-in: set your password and your authenticator app</source>
        <translation>Første login: vælg din adgangskode og din godkendelsesapp</translation>
    </message>
    <message>
        <source>The portal is unavailable for the moment. Try again in %1 s.</source>
        <translation>Portalen er utilgængelig lige nu. Prøv igen om %1 s.</translation>
    </message>
</context>
<context>
    <name>TriageDetail</name>
    <message>
        <source>Early warning</source>
        <translation>Tidlig varsling</translation>
    </message>
    <message>
        <source>Notification</source>
        <translation>Underretning</translation>
    </message>
    <message>
        <source>Final report</source>
        <translation>Endelig rapport</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Kvitteret</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Lagt sammen</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Afvist</translation>
    </message>
    <message>
        <source>Warned</source>
        <translation>Advaret</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>%1 met (late)</source>
        <translation>%1 overholdt (for sent)</translation>
    </message>
    <message>
        <source>%1 met</source>
        <translation>%1 overholdt</translation>
    </message>
    <message>
        <source>%1 overdue by %2</source>
        <translation>%1 overskredet med %2</translation>
    </message>
    <message>
        <source>%1 due in %2</source>
        <translation>%1 forfalder om %2</translation>
    </message>
    <message>
        <source>Where the report came from</source>
        <translation>Hvor indberetningen kom fra</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivelse</translation>
    </message>
    <message>
        <source>Indicators (defanged)</source>
        <translation>Indikatorer (uskadeliggjort)</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Kopiér værdi</translation>
    </message>
    <message>
        <source>Copies the indicator as reported (for a block list); the list shows it defanged so that it cannot be opened by a click</source>
        <translation>Kopierer indikatoren som indberettet (til en blokeringsliste); listen viser den uskadeliggjort, så den ikke kan åbnes med et klik</translation>
    </message>
    <message>
        <source>Copy defanged</source>
        <translation>Kopiér uskadeliggjort</translation>
    </message>
    <message>
        <source>Suggested duplicates</source>
        <translation>Foreslåede dubletter</translation>
    </message>
    <message>
        <source>Updates from the reporting centre and the triage log</source>
        <translation>Opdateringer fra det indberettende center og triageloggen</translation>
    </message>
    <message>
        <source>NIS2 clocks</source>
        <translation>NIS2-frister</translation>
    </message>
    <message>
        <source>Indicators</source>
        <translation>Indikatorer</translation>
    </message>
    <message>
        <source>Suggested duplicates (M merges into the one chosen)</source>
        <translation>Foreslåede dubletter (M lægger sammen med den valgte)</translation>
    </message>
    <message>
        <source>Updates and triage log</source>
        <translation>Opdateringer og triagelog</translation>
    </message>
    <message>
        <source>Severity %1 · status %2 · occurred %3 · detected %4</source>
        <translation>Alvor %1 · status %2 · indtruffet %3 · opdaget %4</translation>
    </message>
    <message>
        <source>Not NIS2-significant: no reporting clocks</source>
        <translation>Ikke væsentlig efter NIS2: ingen indberetningsfrister</translation>
    </message>
    <message>
        <source>Reported by %1 at %2</source>
        <translation>Indberettet af %1 kl. %2</translation>
    </message>
    <message>
        <source>Affected: %1</source>
        <translation>Ramt: %1</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Tildelt %1</translation>
    </message>
    <message>
        <source>Warned in %1 (sent %2)</source>
        <translation>Advaret i %1 (sendt %2)</translation>
    </message>
    <message>
        <source>Merged into %1</source>
        <translation>Lagt sammen med %1</translation>
    </message>
    <message>
        <source>Takes in %1</source>
        <translation>Omfatter %1</translation>
    </message>
    <message>
        <source>%1 %2 — shares %3</source>
        <translation>%1 %2 — deler %3</translation>
    </message>
</context>
<context>
    <name>TriageView</name>
    <message>
        <source>Search id, title, centre or indicator</source>
        <translation>Søg id, titel, center eller indikator</translation>
    </message>
    <message>
        <source>Search incidents</source>
        <translation>Søg hændelser</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Åbne</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Ny</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Kvitteret</translation>
    </message>
    <message>
        <source>Warned</source>
        <translation>Advaret</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Lagt sammen</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>Afvist</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Lukket</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Alvor</translation>
    </message>
    <message>
        <source>Any severity</source>
        <translation>Enhver alvor</translation>
    </message>
    <message>
        <source>Triage</source>
        <translation>Triage</translation>
    </message>
    <message>
        <source>Incident queue</source>
        <translation>Hændelseskø</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Reported by</source>
        <translation>Indberettet af</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>Alder</translation>
    </message>
    <message>
        <source>NIS2 clock</source>
        <translation>NIS2-frist</translation>
    </message>
    <message>
        <source>Acknowledge (A)</source>
        <translation>Kvittér (A)</translation>
    </message>
    <message>
        <source>Assign to…</source>
        <translation>Tildel til…</translation>
    </message>
    <message>
        <source>Assign %1 to %2</source>
        <translation>Tildel %1 til %2</translation>
    </message>
    <message>
        <source>Merge into duplicate (M)</source>
        <translation>Læg sammen med dublet (M)</translation>
    </message>
    <message>
        <source>Dismiss… (D)</source>
        <translation>Afvis… (D)</translation>
    </message>
    <message>
        <source>Close (C)</source>
        <translation>Luk (C)</translation>
    </message>
    <message>
        <source>Draft a warning from these incidents (W)</source>
        <translation>Udkast til advarsel fra disse hændelser (W)</translation>
    </message>
    <message>
        <source>Me (%1)</source>
        <translation>Mig (%1)</translation>
    </message>
    <message>
        <source>(queued)</source>
        <translation>(i kø)</translation>
    </message>
    <message>
        <source>All clocks met</source>
        <translation>Alle frister overholdt</translation>
    </message>
    <message>
        <source>%1 open · %2 new critical · %3 clocks overdue</source>
        <translation>%1 åbne · %2 nye kritiske · %3 frister overskredet</translation>
    </message>
    <message>
        <source>Only coordinators draft warnings.</source>
        <translation>Kun koordinatorer skriver advarsler.</translation>
    </message>
    <message>
        <source>Choose incidents that are neither merged nor dismissed.</source>
        <translation>Vælg hændelser, der hverken er lagt sammen eller afvist.</translation>
    </message>
    <message>
        <source>An action on this incident is waiting to be sent.</source>
        <translation>En handling på denne hændelse venter på at blive sendt.</translation>
    </message>
    <message>
        <source>Only coordinators triage incidents.</source>
        <translation>Kun koordinatorer triagerer hændelser.</translation>
    </message>
    <message>
        <source>Choose an incident.</source>
        <translation>Vælg en hændelse.</translation>
    </message>
    <message>
        <source>No open incident shares an indicator with this one.</source>
        <translation>Ingen åben hændelse deler en indikator med denne.</translation>
    </message>
    <message>
        <source>Not possible for an incident that is %1.</source>
        <translation>Ikke muligt for en hændelse, der er %1.</translation>
    </message>
    <message>
        <source>Merge %1 into %2</source>
        <translation>Læg %1 sammen med %2</translation>
    </message>
    <message>
        <source>Acknowledge %1</source>
        <translation>Kvittér for %1</translation>
    </message>
    <message>
        <source>Close %1</source>
        <translation>Luk %1</translation>
    </message>
    <message>
        <source>Dismiss %1</source>
        <translation>Afvis %1</translation>
    </message>
    <message>
        <source>Why is it dismissed? (kept for the coordinators)</source>
        <translation>Hvorfor afvises den? (gemmes til koordinatorerne)</translation>
    </message>
    <message>
        <source>Queued: %1. It is sent with the next sync.</source>
        <translation>I kø: %1. Den sendes ved næste synkronisering.</translation>
    </message>
    <message>
        <source>Warning %1 drafted from the incidents; co-sign and send it on the Warnings page.</source>
        <translation>Advarsel %1 er skrevet ud fra hændelserne; medunderskriv og send den på siden Advarsler.</translation>
    </message>
    <message>
        <source>The warning draft is queued: it is sent with the next sync.</source>
        <translation>Advarselsudkastet er i kø: det sendes ved næste synkronisering.</translation>
    </message>
    <message>
        <source>Triage: A acknowledge, M merge into the chosen duplicate, D dismiss, C close, W draft a warning from the selected incidents</source>
        <translation>Triage: A kvittér, M læg sammen med den valgte dublet, D afvis, C luk, W udkast til advarsel fra de valgte hændelser</translation>
    </message>
</context>
<context>
    <name>UsersTab</name>
    <message>
        <source>Search by name, username, role or conflict</source>
        <translation>Søg efter navn, brugernavn, rolle eller interessekonflikt</translation>
    </message>
    <message>
        <source>Search users</source>
        <translation>Søg brugere</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Navn</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Brugernavn</translation>
    </message>
    <message>
        <source>Roles and grants</source>
        <translation>Roller og tildelinger</translation>
    </message>
    <message>
        <source>Certified until</source>
        <translation>Certificeret til</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Interessekonflikter</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Brugere</translation>
    </message>
    <message>
        <source>(emergency until %1)</source>
        <translation>(nødadgang indtil %1)</translation>
    </message>
    <message>
        <source>(until %1)</source>
        <translation>(indtil %1)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
</context>
<context>
    <name>WarningCharts</name>
    <message>
        <source>Acknowledgements of open warnings against their deadline</source>
        <translation>Kvitteringer for åbne advarsler i forhold til fristen</translation>
    </message>
    <message>
        <source>No warning is open.</source>
        <translation>Ingen advarsel er åben.</translation>
    </message>
    <message>
        <source>deadline</source>
        <translation>frist</translation>
    </message>
    <message>
        <source>%1 of %2 acknowledged</source>
        <translation>%1 af %2 har kvitteret</translation>
    </message>
    <message>
        <source>%1 by the deadline · %2 overdue</source>
        <translation>%1 inden fristen · %2 over fristen</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>frist %1</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Kvitteret</translation>
    </message>
    <message>
        <source>Share of the addressed organisations that acknowledged; dashed line: the deadline; dot: the share at the deadline</source>
        <translation>Andel af de adresserede organisationer, der har kvitteret; stiplet linje: fristen; prik: andelen ved fristen</translation>
    </message>
    <message>
        <source> · the %1 most recent of %2 shown</source>
        <translation> · de %1 nyeste af %2 vises</translation>
    </message>
    <message>
        <source>Click a curve to open its warning.</source>
        <translation>Klik på en kurve for at åbne dens advarsel.</translation>
    </message>
    <message>
        <source>Recipients that missed an acknowledgement deadline, by sector and region</source>
        <translation>Modtagere, der overskred en kvitteringsfrist, efter sektor og region</translation>
    </message>
    <message>
        <source>Recipients overdue with an acknowledgement, by sector and region</source>
        <translation>Modtagere, der er over fristen med en kvittering, efter sektor og region</translation>
    </message>
    <message>
        <source>No recipient is overdue.</source>
        <translation>Ingen modtager er over fristen.</translation>
    </message>
    <message>
        <source>Every recipient acknowledged in time.</source>
        <translation>Alle modtagere kvitterede i tide.</translation>
    </message>
    <message>
        <source>%1 organisations; number of organisations in each cell (totals in brackets)</source>
        <translation>%1 organisationer; antal organisationer i hver celle (i alt i parentes)</translation>
    </message>
    <message>
        <source>Click a cell to open the warnings those organisations are overdue on.</source>
        <translation>Klik på en celle for at åbne de advarsler, som organisationerne er over fristen med.</translation>
    </message>
</context>
<context>
    <name>WarningComposeDialog</name>
    <message>
        <source>New warning</source>
        <translation>Ny advarsel</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>Redigér %1</translation>
    </message>
    <message>
        <source>New revision of %1</source>
        <translation>Ny udgave af %1</translation>
    </message>
    <message>
        <source>What is it, in one line</source>
        <translation>Hvad drejer det sig om, på én linje</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>What recipients must know first (plain text)</source>
        <translation>Hvad modtagerne først skal vide (ren tekst)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumé</translation>
    </message>
    <message>
        <source>Details, indicators and what to do (plain text)</source>
        <translation>Detaljer, indikatorer og hvad der skal gøres (ren tekst)</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Brødtekst</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Alvorlighed</translation>
    </message>
    <message>
        <source>Traffic Light Protocol</source>
        <translation>Traffic Light Protocol (TLP)</translation>
    </message>
    <message>
        <source> h</source>
        <translation> t</translation>
    </message>
    <message>
        <source>Acknowledge within (hours)</source>
        <translation>Kvitteringsfrist (timer)</translation>
    </message>
    <message>
        <source>CVE-2024-3400, CVE-2023-4966</source>
        <translation>CVE-2024-3400, CVE-2023-4966</translation>
    </message>
    <message>
        <source>CVE ids</source>
        <translation>CVE-id&apos;er</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Gyldig til</translation>
    </message>
    <message>
        <source>Valid until (local time)</source>
        <translation>Gyldig til (lokal tid)</translation>
    </message>
    <message>
        <source>What changed in this revision (recipients see it)</source>
        <translation>Hvad er ændret i denne udgave (modtagerne ser det)</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Hvad er ændret</translation>
    </message>
    <message>
        <source>What changed:</source>
        <translation>Hvad er ændret:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Titel:</translation>
    </message>
    <message>
        <source>Summary:</source>
        <translation>Resumé:</translation>
    </message>
    <message>
        <source>Body:</source>
        <translation>Brødtekst:</translation>
    </message>
    <message>
        <source>TLP:</source>
        <translation>TLP:</translation>
    </message>
    <message>
        <source>Acknowledge within:</source>
        <translation>Kvitteringsfrist:</translation>
    </message>
    <message>
        <source>Severity:</source>
        <translation>Alvorlighed:</translation>
    </message>
    <message>
        <source>CVEs:</source>
        <translation>CVE&apos;er:</translation>
    </message>
    <message>
        <source>A revision is sent to everyone who received the warning (and anyone you add); it cannot drop an organisation already warned. Recipients are asked to acknowledge it again.</source>
        <translation>En ny udgave sendes til alle, der modtog advarslen (og dem, du tilføjer); den kan ikke fjerne en organisation, der allerede er advaret. Modtagerne bliver bedt om at kvittere igen.</translation>
    </message>
    <message>
        <source>Answers the incident reports: %1</source>
        <translation>Besvarer hændelsesindberetningerne: %1</translation>
    </message>
    <message>
        <source>Linked incident reports</source>
        <translation>Tilknyttede hændelsesindberetninger</translation>
    </message>
    <message>
        <source>How recipients see it</source>
        <translation>Sådan ser modtagerne den</translation>
    </message>
    <message>
        <source>Each organisation sees the warning as plain text, never who else received it.</source>
        <translation>Hver organisation ser advarslen som ren tekst og aldrig, hvem der ellers har modtaget den.</translation>
    </message>
    <message>
        <source>Why it cannot be saved yet</source>
        <translation>Hvorfor den ikke kan gemmes endnu</translation>
    </message>
    <message>
        <source>Organisations reached</source>
        <translation>Organisationer nået</translation>
    </message>
    <message>
        <source>Save changes</source>
        <translation>Gem ændringer</translation>
    </message>
    <message>
        <source>Prepare revision</source>
        <translation>Forbered ny udgave</translation>
    </message>
    <message>
        <source>Save draft</source>
        <translation>Gem kladde</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Modtagere</translation>
    </message>
    <message>
        <source>Sectors:</source>
        <translation>Sektorer:</translation>
    </message>
    <message>
        <source>Regions:</source>
        <translation>Regioner:</translation>
    </message>
    <message>
        <source>Sectors and regions together mean: those sectors within those regions. Regions alone: every organisation in them.</source>
        <translation>Sektorer og regioner tilsammen betyder: de sektorer i de regioner. Kun regioner: alle organisationer i dem.</translation>
    </message>
    <message>
        <source>Clear sectors and regions</source>
        <translation>Ryd sektorer og regioner</translation>
    </message>
    <message>
        <source>TLP:RED goes to named organisations only</source>
        <translation>TLP:RED går kun til navngivne organisationer</translation>
    </message>
    <message>
        <source>Named organisations:</source>
        <translation>Navngivne organisationer:</translation>
    </message>
    <message>
        <source>Search by name, id, sector or region</source>
        <translation>Søg på navn, id, sektor eller region</translation>
    </message>
    <message>
        <source>Search organisations</source>
        <translation>Søg i organisationer</translation>
    </message>
    <message>
        <source>Only chosen</source>
        <translation>Kun valgte</translation>
    </message>
    <message>
        <source>Named organisations</source>
        <translation>Navngivne organisationer</translation>
    </message>
    <message>
        <source>Reaches no organisation yet: choose sectors, regions or named organisations.</source>
        <translation>Når ingen organisation endnu: vælg sektorer, regioner eller navngivne organisationer.</translation>
    </message>
    <message>
        <source>Reaches 1 organisation</source>
        <translation>Når 1 organisation</translation>
    </message>
    <message>
        <source>Reaches %1 organisations</source>
        <translation>Når %1 organisationer</translation>
    </message>
    <message>
        <source>(%1 by sector or region, %2 named)</source>
        <translation>(%1 efter sektor eller region, %2 navngivne)</translation>
    </message>
    <message>
        <source>Give a title.</source>
        <translation>Skriv en titel.</translation>
    </message>
    <message>
        <source>The title must be one line of plain text.</source>
        <translation>Titlen skal være én linje ren tekst.</translation>
    </message>
    <message>
        <source>The title is too long.</source>
        <translation>Titlen er for lang.</translation>
    </message>
    <message>
        <source>Give a summary.</source>
        <translation>Skriv et resumé.</translation>
    </message>
    <message>
        <source>The summary contains control characters.</source>
        <translation>Resuméet indeholder kontroltegn.</translation>
    </message>
    <message>
        <source>The summary is too long.</source>
        <translation>Resuméet er for langt.</translation>
    </message>
    <message>
        <source>The body contains control characters.</source>
        <translation>Brødteksten indeholder kontroltegn.</translation>
    </message>
    <message>
        <source>The body is too long.</source>
        <translation>Brødteksten er for lang.</translation>
    </message>
    <message>
        <source>Not a CVE id (CVE-YYYY-NNNN): %1</source>
        <translation>Ikke et CVE-id (CVE-ÅÅÅÅ-NNNN): %1</translation>
    </message>
    <message>
        <source>“Valid until” must be in the future.</source>
        <translation>“Gyldig til” skal ligge i fremtiden.</translation>
    </message>
    <message>
        <source>Choose who receives it.</source>
        <translation>Vælg, hvem der skal modtage den.</translation>
    </message>
    <message>
        <source>Say what changed in this revision.</source>
        <translation>Skriv, hvad der er ændret i denne udgave.</translation>
    </message>
    <message>
        <source>A revision cannot drop organisations already warned: %1</source>
        <translation>En ny udgave kan ikke fjerne organisationer, der allerede er advaret: %1</translation>
    </message>
    <message>
        <source>Editing needs the portal: you are offline. (An edit is checked against the current version, so it is not queued.)</source>
        <translation>Redigering kræver portalen: du er offline. (En redigering kontrolleres mod den aktuelle version, så den sættes ikke i kø.)</translation>
    </message>
    <message>
        <source>Nothing has changed yet.</source>
        <translation>Intet er ændret endnu.</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>og %1 mere</translation>
    </message>
    <message>
        <source>Not a CVE id: %1 — write them as CVE-2024-3400.</source>
        <translation>Ikke et CVE-id: %1 — skriv dem som CVE-2024-3400.</translation>
    </message>
    <message>
        <source>1 CVE id</source>
        <translation>1 CVE-id</translation>
    </message>
    <message>
        <source>%1 CVE ids</source>
        <translation>%1 CVE-id&apos;er</translation>
    </message>
    <message>
        <source>Optional; separate several with commas.</source>
        <translation>Valgfrit; adskil flere med komma.</translation>
    </message>
    <message>
        <source>TLP:RED goes to named organisations only. It can be saved like this, but Send stays greyed until the sectors and regions are cleared.</source>
        <translation>TLP:RED går kun til navngivne organisationer. Den kan gemmes sådan, men Send forbliver grå, indtil sektorer og regioner er ryddet.</translation>
    </message>
    <message>
        <source>TLP:RED: only the named organisations below receive it.</source>
        <translation>TLP:RED: kun de navngivne organisationer nedenfor modtager den.</translation>
    </message>
    <message>
        <source>Queue (offline)</source>
        <translation>Kø (offline)</translation>
    </message>
    <message>
        <source>Save the changes on the portal; an edit clears an earlier co-sign</source>
        <translation>Gem ændringerne på portalen; en redigering fjerner en tidligere medunderskrift</translation>
    </message>
    <message>
        <source>You are offline: it is queued and sent when the portal can be reached</source>
        <translation>Du er offline: den sættes i kø og sendes, når portalen kan nås</translation>
    </message>
    <message>
        <source>Save on the portal</source>
        <translation>Gem på portalen</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Gemmer…</translation>
    </message>
    <message>
        <source>New warning draft: %1</source>
        <translation>Ny advarselskladde: %1</translation>
    </message>
    <message>
        <source>Revision of %1: %2</source>
        <translation>Ny udgave af %1: %2</translation>
    </message>
    <message>
        <source>Sending to the portal…</source>
        <translation>Sender til portalen…</translation>
    </message>
    <message>
        <source>The portal refused it (%1): %2</source>
        <translation>Portalen afviste den (%1): %2</translation>
    </message>
    <message>
        <source>The portal could not be reached: %1</source>
        <translation>Portalen kunne ikke nås: %1</translation>
    </message>
    <message>
        <source>Your session has expired: sign in again, then save. Your changes are still here.</source>
        <translation>Din session er udløbet: log ind igen, og gem derefter. Dine ændringer er her stadig.</translation>
    </message>
    <message>
        <source>Someone changed this warning meanwhile. Close, sync and edit it again.</source>
        <translation>En anden har ændret advarslen i mellemtiden. Luk, synkronisér, og redigér den igen.</translation>
    </message>
    <message>
        <source>Your changes are still here; try again.</source>
        <translation>Dine ændringer er her stadig; prøv igen.</translation>
    </message>
    <message>
        <source>Remove the co-sign?</source>
        <translation>Fjern medunderskriften?</translation>
    </message>
    <message>
        <source>%1 co-signed this draft. Saving your changes removes that co-sign: another coordinator must co-sign the changed text before it can be sent.</source>
        <translation>%1 har medunderskrevet dette udkast. Gemmer du dine ændringer, fjernes medunderskriften: en anden koordinator skal medunderskrive den ændrede tekst, før den kan sendes.</translation>
    </message>
    <message>
        <source>Save and remove co-sign</source>
        <translation>Gem og fjern medunderskrift</translation>
    </message>
</context>
<context>
    <name>WarningDetail</name>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Redigér…</translation>
    </message>
    <message>
        <source>New revision…</source>
        <translation>Ny udgave…</translation>
    </message>
    <message>
        <source>Discard revision</source>
        <translation>Kassér ny udgave</translation>
    </message>
    <message>
        <source>Retract…</source>
        <translation>Træk tilbage…</translation>
    </message>
    <message>
        <source>Why an action is not possible</source>
        <translation>Hvorfor en handling ikke er mulig</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Seneste handling</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Advarsel</translation>
    </message>
    <message>
        <source>Acknowledgements</source>
        <translation>Kvitteringer</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Udgaver</translation>
    </message>
    <message>
        <source>No warning selected</source>
        <translation>Ingen advarsel valgt</translation>
    </message>
    <message>
        <source>No warnings in this section.</source>
        <translation>Ingen advarsler i denne gruppe.</translation>
    </message>
    <message>
        <source>Acknowledgements (%1 overdue)</source>
        <translation>Kvitteringer (%1 over fristen)</translation>
    </message>
    <message>
        <source>Revisions (%1)</source>
        <translation>Udgaver (%1)</translation>
    </message>
    <message>
        <source>Retracted %1: %2</source>
        <translation>Trukket tilbage %1: %2</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Resumé</translation>
    </message>
    <message>
        <source>Body</source>
        <translation>Brødtekst</translation>
    </message>
    <message>
        <source>Vulnerabilities</source>
        <translation>Sårbarheder</translation>
    </message>
    <message>
        <source>none named</source>
        <translation>ingen navngivne</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Modtagere</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Kvittering</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Personer</translation>
    </message>
    <message>
        <source>Within %1 hours of sending.</source>
        <translation>Inden for %1 timer efter afsendelsen.</translation>
    </message>
    <message>
        <source>Due %1 (revision %2).</source>
        <translation>Frist %1 (udgave %2).</translation>
    </message>
    <message>
        <source>Valid until %1.</source>
        <translation>Gyldig til %1.</translation>
    </message>
    <message>
        <source>Written by %1, %2</source>
        <translation>Skrevet af %1, %2</translation>
    </message>
    <message>
        <source>Edited by %1</source>
        <translation>Redigeret af %1</translation>
    </message>
    <message>
        <source>Co-signed by %1</source>
        <translation>Medunderskrevet af %1</translation>
    </message>
    <message>
        <source>First sent %1</source>
        <translation>Først sendt %1</translation>
    </message>
    <message>
        <source>Answers incident reports %1</source>
        <translation>Besvarer hændelsesindberetningerne %1</translation>
    </message>
    <message>
        <source>Revision %1, in preparation</source>
        <translation>Udgave %1, under forberedelse</translation>
    </message>
    <message>
        <source>Needs a second coordinator&apos;s co-sign before it is sent.</source>
        <translation>Kræver en anden koordinators medunderskrift, før den sendes.</translation>
    </message>
    <message>
        <source>Co-signed by %1: ready to send.</source>
        <translation>Medunderskrevet af %1: klar til afsendelse.</translation>
    </message>
    <message>
        <source>Ready to send (no co-sign needed).</source>
        <translation>Klar til afsendelse (ingen medunderskrift kræves).</translation>
    </message>
    <message>
        <source>Prepared by %1, %2. %3</source>
        <translation>Forberedt af %1, %2. %3</translation>
    </message>
    <message>
        <source>Changes: %1</source>
        <translation>Ændringer: %1</translation>
    </message>
    <message>
        <source>New title: %1</source>
        <translation>Ny titel: %1</translation>
    </message>
    <message>
        <source>Not sent yet: no revisions.</source>
        <translation>Ikke sendt endnu: ingen udgaver.</translation>
    </message>
    <message>
        <source>Revision %1 — %2</source>
        <translation>Udgave %1 — %2</translation>
    </message>
    <message>
        <source>sent by %1</source>
        <translation>sendt af %1</translation>
    </message>
    <message>
        <source>co-signed by %1</source>
        <translation>medunderskrevet af %1</translation>
    </message>
    <message>
        <source>&amp;Co-sign</source>
        <translation>&amp;Medunderskriv</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Send</translation>
    </message>
</context>
<context>
    <name>WarningEscalation</name>
    <message>
        <source>Overdue: %1</source>
        <translation>Over fristen: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n organisation(s) have not acknowledged “%2” in time. Follow them up on its acknowledgement board.</source>
        <translation>
            <numerusform>%n organisation har ikke kvitteret for “%2” i tide. Følg op på advarslens kvitteringsoversigt.</numerusform>
            <numerusform>%n organisationer har ikke kvitteret for “%2” i tide. Følg op på advarslens kvitteringsoversigt.</numerusform>
        </translation>
    </message>
    <message>
        <source>New critical warning: %1</source>
        <translation>Ny kritisk advarsel: %1</translation>
    </message>
</context>
<context>
    <name>WarningExport</name>
    <message>
        <source>Export</source>
        <translation>Eksportér</translation>
    </message>
    <message>
        <source>Export this warning</source>
        <translation>Eksportér denne advarsel</translation>
    </message>
    <message>
        <source>CSAF 2.0 document (JSON)…</source>
        <translation>CSAF 2.0-dokument (JSON)…</translation>
    </message>
    <message>
        <source>Warning as JSON…</source>
        <translation>Advarslen som JSON…</translation>
    </message>
    <message>
        <source>Only coordinators export CSAF</source>
        <translation>Kun koordinatorer eksporterer CSAF</translation>
    </message>
    <message>
        <source>The CSAF document comes from the portal: you are offline</source>
        <translation>CSAF-dokumentet kommer fra portalen: du er offline</translation>
    </message>
    <message>
        <source>Export %1</source>
        <translation>Eksportér %1</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON-filer (*.json)</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Ikke eksporteret: %1</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Eksporteret til %1</translation>
    </message>
    <message>
        <source>The portal could not give the CSAF document: %1</source>
        <translation>Portalen kunne ikke levere CSAF-dokumentet: %1</translation>
    </message>
</context>
<context>
    <name>WarningsModel</name>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Alvorlighed</translation>
    </message>
    <message>
        <source>TLP</source>
        <translation>TLP</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Acknowledgements</source>
        <translation>Kvitteringer</translation>
    </message>
    <message>
        <source>Acknowledge by %1</source>
        <translation>Kvittér senest %1</translation>
    </message>
</context>
<context>
    <name>WarningsView</name>
    <message>
        <source>Warnings</source>
        <translation>Advarsler</translation>
    </message>
    <message>
        <source>Search title or id</source>
        <translation>Søg på titel eller id</translation>
    </message>
    <message>
        <source>Search warnings</source>
        <translation>Søg i advarsler</translation>
    </message>
    <message>
        <source>New warning…</source>
        <translation>Ny advarsel…</translation>
    </message>
    <message>
        <source>Sections</source>
        <translation>Grupper</translation>
    </message>
    <message>
        <source>Actions waiting to be sent</source>
        <translation>Handlinger, der venter på at blive sendt</translation>
    </message>
    <message>
        <source>Only coordinators write warnings.</source>
        <translation>Kun koordinatorer skriver advarsler.</translation>
    </message>
    <message>
        <source>someone</source>
        <translation>nogen</translation>
    </message>
    <message>
        <source>you</source>
        <translation>dig</translation>
    </message>
    <message>
        <source>%1 warnings · %2 sent</source>
        <translation>%1 advarsler · %2 sendt</translation>
    </message>
    <message>
        <source>%1 awaiting co-sign</source>
        <translation>%1 afventer medunderskrift</translation>
    </message>
    <message>
        <source>%1 overdue acknowledgements</source>
        <translation>%1 kvitteringer over fristen</translation>
    </message>
    <message>
        <source>Waiting to be sent: %1</source>
        <translation>Venter på at blive sendt: %1</translation>
    </message>
    <message>
        <source>and %1 more</source>
        <translation>og %1 mere</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Alle</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>Kladder</translation>
    </message>
    <message>
        <source>Awaiting co-sign</source>
        <translation>Afventer medunderskrift</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Over fristen</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Udløbet</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation>Trukket tilbage</translation>
    </message>
    <message>
        <source>Every warning</source>
        <translation>Alle advarsler</translation>
    </message>
    <message>
        <source>Drafts that need no co-sign and have none</source>
        <translation>Kladder, der ikke kræver medunderskrift og ikke har nogen</translation>
    </message>
    <message>
        <source>Drafts and prepared revisions that need a second coordinator&apos;s co-sign, or are co-signed and ready to send</source>
        <translation>Kladder og forberedte nye udgaver, der mangler en anden koordinators medunderskrift eller er medunderskrevet og klar til afsendelse</translation>
    </message>
    <message>
        <source>Sent warnings, with their acknowledgements</source>
        <translation>Sendte advarsler med deres kvitteringer</translation>
    </message>
    <message>
        <source>Sent warnings with recipients past the acknowledgement deadline</source>
        <translation>Sendte advarsler med modtagere, der har overskredet kvitteringsfristen</translation>
    </message>
    <message>
        <source>Past their “valid until”</source>
        <translation>Efter deres “gyldig til”</translation>
    </message>
    <message>
        <source>Withdrawn, with the reason</source>
        <translation>Trukket tilbage, med begrundelsen</translation>
    </message>
    <message>
        <source>Draft — awaiting co-sign</source>
        <translation>Kladde — afventer medunderskrift</translation>
    </message>
    <message>
        <source>Draft — co-signed, ready to send</source>
        <translation>Kladde — medunderskrevet, klar til afsendelse</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Kladde</translation>
    </message>
    <message>
        <source>Sent (revision %1)</source>
        <translation>Sendt (udgave %1)</translation>
    </message>
    <message>
        <source>awaiting co-sign</source>
        <translation>afventer medunderskrift</translation>
    </message>
    <message>
        <source>co-signed, ready to send</source>
        <translation>medunderskrevet, klar til afsendelse</translation>
    </message>
    <message>
        <source>ready to send</source>
        <translation>klar til afsendelse</translation>
    </message>
    <message>
        <source>revision %1 prepared, %2</source>
        <translation>udgave %1 forberedt, %2</translation>
    </message>
    <message>
        <source>queued: %1</source>
        <translation>i kø: %1</translation>
    </message>
    <message>
        <source>create</source>
        <translation>oprettelse</translation>
    </message>
    <message>
        <source>co-sign</source>
        <translation>medunderskrift</translation>
    </message>
    <message>
        <source>send</source>
        <translation>afsendelse</translation>
    </message>
    <message>
        <source>revision</source>
        <translation>ny udgave</translation>
    </message>
    <message>
        <source>retract</source>
        <translation>tilbagetrækning</translation>
    </message>
    <message>
        <source>edit</source>
        <translation>redigering</translation>
    </message>
    <message>
        <source>discard revision</source>
        <translation>kassering af ny udgave</translation>
    </message>
    <message>
        <source>title</source>
        <translation>titel</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>resumé</translation>
    </message>
    <message>
        <source>body</source>
        <translation>brødtekst</translation>
    </message>
    <message>
        <source>severity</source>
        <translation>alvorlighed</translation>
    </message>
    <message>
        <source>TLP</source>
        <translation>TLP</translation>
    </message>
    <message>
        <source>recipients</source>
        <translation>modtagere</translation>
    </message>
    <message>
        <source>CVEs</source>
        <translation>CVE&apos;er</translation>
    </message>
    <message>
        <source>acknowledgement time</source>
        <translation>kvitteringsfrist</translation>
    </message>
    <message>
        <source>valid until</source>
        <translation>gyldig til</translation>
    </message>
    <message>
        <source>Sectors: %1</source>
        <translation>Sektorer: %1</translation>
    </message>
    <message>
        <source>Regions: %1</source>
        <translation>Regioner: %1</translation>
    </message>
    <message>
        <source>Named: %1</source>
        <translation>Navngivne: %1</translation>
    </message>
    <message>
        <source>Would reach %1 organisations if sent now.</source>
        <translation>Ville nå %1 organisationer, hvis den blev sendt nu.</translation>
    </message>
    <message>
        <source>Sent to %1 organisations.</source>
        <translation>Sendt til %1 organisationer.</translation>
    </message>
    <message>
        <source>Only security coordinators write, co-sign and send warnings.</source>
        <translation>Kun sikkerhedskoordinatorer skriver, medunderskriver og sender advarsler.</translation>
    </message>
    <message>
        <source>Co-sign: you wrote or edited this text, so another coordinator must co-sign it.</source>
        <translation>Medunderskrift: du har skrevet eller redigeret denne tekst, så en anden koordinator skal medunderskrive den.</translation>
    </message>
    <message>
        <source>Already co-signed by %1; an edit would clear the co-sign.</source>
        <translation>Allerede medunderskrevet af %1; en redigering vil fjerne medunderskriften.</translation>
    </message>
    <message>
        <source>revision of a high or critical warning</source>
        <translation>ny udgave af en høj eller kritisk advarsel</translation>
    </message>
    <message>
        <source>%1 warning</source>
        <translation>%1 advarsel</translation>
    </message>
    <message>
        <source>Send: a %1 needs a second coordinator&apos;s co-sign first.</source>
        <translation>Send: en %1 kræver først en anden koordinators medunderskrift.</translation>
    </message>
    <message>
        <source>A co-sign is queued; send after the portal has accepted it.</source>
        <translation>En medunderskrift står i kø; send, når portalen har modtaget den.</translation>
    </message>
    <message>
        <source>Send: TLP:RED goes to named organisations only — edit it and clear the sectors and regions.</source>
        <translation>Send: TLP:RED går kun til navngivne organisationer — redigér den, og ryd sektorer og regioner.</translation>
    </message>
    <message>
        <source>Send: its “valid until” has passed; edit it first.</source>
        <translation>Send: dens “gyldig til” er overskredet; redigér den først.</translation>
    </message>
    <message>
        <source>Send: the recipients reach no organisation.</source>
        <translation>Send: modtagerne omfatter ingen organisation.</translation>
    </message>
    <message>
        <source>Send: this revision would drop organisations already warned.</source>
        <translation>Send: denne udgave ville fjerne organisationer, der allerede er advaret.</translation>
    </message>
    <message>
        <source>Nothing is being prepared: a sent warning changes through a new revision.</source>
        <translation>Intet er under forberedelse: en sendt advarsel ændres gennem en ny udgave.</translation>
    </message>
    <message>
        <source>%1 is already queued and is sent with the next sync.</source>
        <translation>%1 står allerede i kø og sendes ved næste synkronisering.</translation>
    </message>
    <message>
        <source>%1 needs the portal, and you are offline.</source>
        <translation>%1 kræver portalen, og du er offline.</translation>
    </message>
    <message>
        <source>Revision %1 is already being prepared: edit, send or discard it.</source>
        <translation>Udgave %1 er allerede under forberedelse: redigér, send eller kassér den.</translation>
    </message>
    <message>
        <source>No revision is being prepared.</source>
        <translation>Ingen ny udgave er under forberedelse.</translation>
    </message>
    <message>
        <source>Only a sent warning can be %1 (this one is %2).</source>
        <translation>Kun en sendt advarsel kan %1 (denne er %2).</translation>
    </message>
    <message>
        <source>revised</source>
        <translation>ændres med en ny udgave</translation>
    </message>
    <message>
        <source>retracted</source>
        <translation>trækkes tilbage</translation>
    </message>
    <message>
        <source>Change the text or recipients (clears an earlier co-sign)</source>
        <translation>Ret teksten eller modtagerne (fjerner en tidligere medunderskrift)</translation>
    </message>
    <message>
        <source>Approve this text as the second coordinator</source>
        <translation>Godkend denne tekst som anden koordinator</translation>
    </message>
    <message>
        <source>Send it to %1 organisations now</source>
        <translation>Send den til %1 organisationer nu</translation>
    </message>
    <message>
        <source>Prepare a correction or update; recipients acknowledge it again</source>
        <translation>Forbered en rettelse eller opdatering; modtagerne kvitterer igen</translation>
    </message>
    <message>
        <source>Drop the revision being prepared</source>
        <translation>Drop den nye udgave, der er under forberedelse</translation>
    </message>
    <message>
        <source>Withdraw the warning, with a reason recipients see</source>
        <translation>Træk advarslen tilbage med en begrundelse, som modtagerne ser</translation>
    </message>
    <message>
        <source>Not possible: %1</source>
        <translation>Ikke muligt: %1</translation>
    </message>
    <message>
        <source>Co-sign %1?</source>
        <translation>Medunderskriv %1?</translation>
    </message>
    <message>
        <source>You confirm, as the second coordinator, that “%1” may be sent as it is now.</source>
        <translation>Du bekræfter som anden koordinator, at “%1” må sendes, som den er nu.</translation>
    </message>
    <message>
        <source>Co-sign</source>
        <translation>Medunderskriv</translation>
    </message>
    <message>
        <source>Send %1?</source>
        <translation>Send %1?</translation>
    </message>
    <message>
        <source>Send “%1” to %2 organisations now? They are asked to acknowledge it.</source>
        <translation>Send “%1” til %2 organisationer nu? De bliver bedt om at kvittere for den.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Send</translation>
    </message>
    <message>
        <source>Discard the revision?</source>
        <translation>Kassér den nye udgave?</translation>
    </message>
    <message>
        <source>Drop revision %1 of %2? The sent text stays as it is.</source>
        <translation>Drop udgave %1 af %2? Den sendte tekst forbliver uændret.</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kassér</translation>
    </message>
    <message>
        <source>Not queued: this warning changed meanwhile. Check it and try again.</source>
        <translation>Ikke sat i kø: advarslen er ændret i mellemtiden. Kontrollér den, og prøv igen.</translation>
    </message>
    <message>
        <source>Co-sign %1</source>
        <translation>Medunderskriv %1</translation>
    </message>
    <message>
        <source>Send %1</source>
        <translation>Send %1</translation>
    </message>
    <message>
        <source>Retract %1</source>
        <translation>Træk %1 tilbage</translation>
    </message>
    <message>
        <source>Queued: %1. Sending…</source>
        <translation>Sat i kø: %1. Sender…</translation>
    </message>
    <message>
        <source>Queued: %1. You are offline: it is sent when the portal can be reached.</source>
        <translation>Sat i kø: %1. Du er offline: den sendes, når portalen kan nås.</translation>
    </message>
    <message>
        <source>Discarding the revision…</source>
        <translation>Kasserer den nye udgave…</translation>
    </message>
    <message>
        <source>The revision was discarded.</source>
        <translation>Den nye udgave blev kasseret.</translation>
    </message>
    <message>
        <source>Your session has expired: sign in again.</source>
        <translation>Din session er udløbet: log ind igen.</translation>
    </message>
    <message>
        <source>The portal refused it (%1): %2</source>
        <translation>Portalen afviste den (%1): %2</translation>
    </message>
    <message>
        <source>The portal could not be reached: %1</source>
        <translation>Portalen kunne ikke nås: %1</translation>
    </message>
    <message>
        <source>Queued: it is sent to the portal with the next sync.</source>
        <translation>Sat i kø: den sendes til portalen ved næste synkronisering.</translation>
    </message>
    <message>
        <source>Draft %1 saved on the portal.</source>
        <translation>Kladde %1 er gemt på portalen.</translation>
    </message>
    <message>
        <source>Revision prepared for %1.</source>
        <translation>Ny udgave forberedt for %1.</translation>
    </message>
    <message>
        <source>Changes to %1 saved.</source>
        <translation>Ændringerne i %1 er gemt.</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Udført: %1</translation>
    </message>
    <message>
        <source>The portal refused “%1”: %2. See Needs attention.</source>
        <translation>Portalen afviste “%1”: %2. Se Kræver handling.</translation>
    </message>
    <message>
        <source>Warnings: select a row to see its text, acknowledgements and revisions</source>
        <translation>Advarsler: vælg en række for at se tekst, kvitteringer og udgaver</translation>
    </message>
    <message>
        <source>Ctrl+N new warning · Alt+C co-sign · Alt+S send</source>
        <translation>Ctrl+N ny advarsel · Alt+M medunderskriv · Alt+S send</translation>
    </message>
</context>
<context>
    <name>Words</name>
    <message>
        <source>Count below the minimum</source>
        <translation>Antal under minimum</translation>
    </message>
    <message>
        <source>Zero cell</source>
        <translation>Nulcelle</translation>
    </message>
    <message>
        <source>Dominance: few contributors hold most of the total</source>
        <translation>Dominans: få bidragydere står for det meste af summen</translation>
    </message>
    <message>
        <source>p% rule: a contributor can be estimated</source>
        <translation>p%-reglen: en bidragyder kan estimeres</translation>
    </message>
    <message>
        <source>CPR number</source>
        <translation>CPR-nummer</translation>
    </message>
    <message>
        <source>CVR number</source>
        <translation>CVR-nummer</translation>
    </message>
    <message>
        <source>Row-level microdata</source>
        <translation>Mikrodata på personniveau</translation>
    </message>
    <message>
        <source>Needs a person</source>
        <translation>Kræver en person</translation>
    </message>
    <message>
        <source>Contributor figures missing</source>
        <translation>Bidragydertal mangler</translation>
    </message>
    <message>
        <source>Contributor figures do not fit the table</source>
        <translation>Bidragydertallene passer ikke til tabellen</translation>
    </message>
    <message>
        <source>Negative contribution</source>
        <translation>Negativt bidrag</translation>
    </message>
    <message>
        <source>ACRO&apos;s verdict</source>
        <translation>ACRO&apos;s vurdering</translation>
    </message>
    <message>
        <source>ACRO: count below the threshold</source>
        <translation>ACRO: antal under grænsen</translation>
    </message>
    <message>
        <source>ACRO: p-ratio</source>
        <translation>ACRO: p-forhold</translation>
    </message>
    <message>
        <source>ACRO: dominance (N-k rule)</source>
        <translation>ACRO: dominans (N-k-reglen)</translation>
    </message>
    <message>
        <source>ACRO: all values the same</source>
        <translation>ACRO: alle værdier ens</translation>
    </message>
    <message>
        <source>ACRO: missing values</source>
        <translation>ACRO: manglende værdier</translation>
    </message>
    <message>
        <source>ACRO: negative values</source>
        <translation>ACRO: negative værdier</translation>
    </message>
    <message>
        <source>ACRO: zero cells</source>
        <translation>ACRO: nulceller</translation>
    </message>
    <message>
        <source>ACRO: degrees of freedom</source>
        <translation>ACRO: frihedsgrader</translation>
    </message>
    <message>
        <source>small counts</source>
        <translation>små antal</translation>
    </message>
    <message>
        <source>zero cells</source>
        <translation>nulceller</translation>
    </message>
    <message>
        <source>dominance</source>
        <translation>dominans</translation>
    </message>
    <message>
        <source>p%</source>
        <translation>p%</translation>
    </message>
    <message>
        <source>CPR numbers</source>
        <translation>CPR-numre</translation>
    </message>
    <message>
        <source>CVR numbers</source>
        <translation>CVR-numre</translation>
    </message>
    <message>
        <source>microdata</source>
        <translation>mikrodata</translation>
    </message>
    <message>
        <source>needs a person</source>
        <translation>kræver en person</translation>
    </message>
    <message>
        <source>contributors missing</source>
        <translation>bidragydere mangler</translation>
    </message>
    <message>
        <source>contributors mismatch</source>
        <translation>bidragydere stemmer ikke</translation>
    </message>
    <message>
        <source>negative contribution</source>
        <translation>negativt bidrag</translation>
    </message>
    <message>
        <source>ACRO verdict</source>
        <translation>ACRO-vurdering</translation>
    </message>
    <message>
        <source>ACRO %1</source>
        <translation>ACRO %1</translation>
    </message>
    <message>
        <source>table</source>
        <translation>tabel</translation>
    </message>
    <message>
        <source>magnitude table</source>
        <translation>størrelsestabel</translation>
    </message>
    <message>
        <source>contributor figures</source>
        <translation>bidragydertal</translation>
    </message>
    <message>
        <source>text</source>
        <translation>tekst</translation>
    </message>
    <message>
        <source>program log</source>
        <translation>programlog</translation>
    </message>
    <message>
        <source>image</source>
        <translation>billede</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>Office document</source>
        <translation>Office-dokument</translation>
    </message>
    <message>
        <source>ACRO results</source>
        <translation>ACRO-resultater</translation>
    </message>
    <message>
        <source>empty file</source>
        <translation>tom fil</translation>
    </message>
    <message>
        <source>unknown type</source>
        <translation>ukendt type</translation>
    </message>
    <message>
        <source>minimum %1</source>
        <translation>minimum %1</translation>
    </message>
    <message>
        <source>limit %1</source>
        <translation>grænse %1</translation>
    </message>
    <message>
        <source>threshold %1</source>
        <translation>grænse %1</translation>
    </message>
    <message>
        <source>Row %1 · %2</source>
        <translation>Række %1 · %2</translation>
    </message>
    <message>
        <source>Column %1</source>
        <translation>Kolonne %1</translation>
    </message>
    <message>
        <source>Row %1</source>
        <translation>Række %1</translation>
    </message>
    <message>
        <source>Line %1</source>
        <translation>Linje %1</translation>
    </message>
    <message>
        <source>Row %1 · %2 (not found in the file as shown)</source>
        <translation>Række %1 · %2 (findes ikke i filen, som den vises)</translation>
    </message>
    <message>
        <source>Line %1 (not in the file as shown)</source>
        <translation>Linje %1 (findes ikke i filen, som den vises)</translation>
    </message>
    <message>
        <source>Column %1 (not found in the file as shown)</source>
        <translation>Kolonne %1 (findes ikke i filen, som den vises)</translation>
    </message>
    <message>
        <source>Whole file</source>
        <translation>Hele filen</translation>
    </message>
    <message>
        <source>value %1</source>
        <translation>værdi %1</translation>
    </message>
    <message>
        <source>ACRO passed it, the portal found a breach</source>
        <translation>ACRO godkendte, portalen fandt et brud</translation>
    </message>
    <message>
        <source>ACRO bundle names other files</source>
        <translation>ACRO-bundtet nævner andre filer</translation>
    </message>
    <message>
        <source>Check stopped: over its time budget</source>
        <translation>Kontrol stoppet: over sin tidsgrænse</translation>
    </message>
    <message>
        <source>Check failed: a person must check it</source>
        <translation>Kontrollen fejlede: en person skal kontrollere det</translation>
    </message>
    <message>
        <source>ACRO disagrees</source>
        <translation>ACRO er uenig</translation>
    </message>
    <message>
        <source>ACRO bundle mismatch</source>
        <translation>ACRO-bundt passer ikke</translation>
    </message>
    <message>
        <source>check timed out</source>
        <translation>kontrol over tid</translation>
    </message>
    <message>
        <source>check failed</source>
        <translation>kontrol fejlede</translation>
    </message>
    <message>
        <source>Count not rounded to the base</source>
        <translation>Antal ikke afrundet til grundtallet</translation>
    </message>
    <message>
        <source>Differencing: subtracting another release leaves a small count</source>
        <translation>Differensberegning: fratrækning af en anden frigivelse efterlader et lille antal</translation>
    </message>
    <message>
        <source>Suppressed cell recoverable from the totals</source>
        <translation>Undertrykt celle kan genskabes fra totalerne</translation>
    </message>
    <message>
        <source>unrounded</source>
        <translation>ikke afrundet</translation>
    </message>
    <message>
        <source>differencing</source>
        <translation>differensberegning</translation>
    </message>
    <message>
        <source>recoverable suppression</source>
        <translation>genskabelig undertrykkelse</translation>
    </message>
</context>
<context>
    <name>_RequestDialog</name>
    <message>
        <source>Justification</source>
        <translation>Begrundelse</translation>
    </message>
    <message>
        <source>Why is this change needed?</source>
        <translation>Hvorfor er ændringen nødvendig?</translation>
    </message>
    <message>
        <source>Justification (seen by the other administrators and in the audit)</source>
        <translation>Begrundelse (ses af de andre administratorer og i revisionssporet)</translation>
    </message>
    <message>
        <source>Ask for approval</source>
        <translation>Anmod om godkendelse</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Submitted</source>
        <translation>Indsendt</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>Under behandling</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Godkendt</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Afvist</translation>
    </message>
    <message>
        <source>Returned</source>
        <translation>Sendt tilbage</translation>
    </message>
    <message>
        <source>Released</source>
        <translation>Frigivet</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Standset</translation>
    </message>
    <message>
        <source>Withheld</source>
        <translation>Tilbageholdt</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>Bestået</translation>
    </message>
    <message>
        <source>Needs review</source>
        <translation>Skal vurderes</translation>
    </message>
    <message>
        <source>Fail</source>
        <translation>Ikke bestået</translation>
    </message>
    <message>
        <source>Draft</source>
        <translation>Kladde</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Sendt</translation>
    </message>
    <message>
        <source>Retracted</source>
        <translation>Trukket tilbage</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Udløbet</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Lav</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Middel</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Høj</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisk</translation>
    </message>
    <message>
        <source>Caseworker</source>
        <translation>Sagsbehandler</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Tilsynsførende</translation>
    </message>
    <message>
        <source>Coordinator</source>
        <translation>Koordinator</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Researcher</source>
        <translation>Forsker</translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation>Modtager</translation>
    </message>
    <message>
        <source>today</source>
        <translation>i dag</translation>
    </message>
    <message>
        <source>1 day</source>
        <translation>1 dag</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 dage</translation>
    </message>
    <message>
        <source>Small counts</source>
        <translation>Små antal</translation>
    </message>
    <message>
        <source>Dominance: few contributors hold most of it</source>
        <translation>Dominans: få bidragydere står for det meste</translation>
    </message>
    <message>
        <source>Identifiers (CPR or CVR numbers)</source>
        <translation>Identifikatorer (CPR- eller CVR-numre)</translation>
    </message>
    <message>
        <source>Row-level microdata</source>
        <translation>Mikrodata på personniveau</translation>
    </message>
    <message>
        <source>Differencing against earlier releases</source>
        <translation>Differensberegning mod tidligere frigivelser</translation>
    </message>
    <message>
        <source>Missing context: what the output shows is not explained</source>
        <translation>Manglende kontekst: det er ikke forklaret, hvad outputtet viser</translation>
    </message>
    <message>
        <source>Counts not rounded</source>
        <translation>Antal ikke afrundet</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Andet</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>The portal address must use https (plain http is allowed only on this computer).</source>
        <translation>Portaladressen skal bruge https (almindelig http er kun tilladt på denne computer).</translation>
    </message>
</context>
<context>
    <name>ordinal</name>
    <message>
        <source>1st</source>
        <translation>1.</translation>
    </message>
    <message>
        <source>2nd</source>
        <translation>2.</translation>
    </message>
    <message>
        <source>3rd</source>
        <translation>3.</translation>
    </message>
    <message>
        <source>%1th</source>
        <translation>%1.</translation>
    </message>
</context>
<context>
    <name>tlp</name>
    <message>
        <source>For the eyes and ears of individual recipients only, no further disclosure.</source>
        <translation>Kun for de enkelte modtageres øjne og ører; må ikke videregives.</translation>
    </message>
    <message>
        <source>Limited disclosure, restricted to the recipient&apos;s organisation only.</source>
        <translation>Begrænset videregivelse, kun inden for modtagerens egen organisation.</translation>
    </message>
    <message>
        <source>Limited disclosure: recipients may share it on a need-to-know basis within their organisation and its clients.</source>
        <translation>Begrænset videregivelse: modtagerne må dele den efter behov-for-viden-princippet i deres organisation og med dens kunder.</translation>
    </message>
    <message>
        <source>Limited disclosure: recipients may share it within their community, not publicly.</source>
        <translation>Begrænset videregivelse: modtagerne må dele den i deres fællesskab, men ikke offentligt.</translation>
    </message>
    <message>
        <source>Disclosure is not limited: recipients may share it with the world.</source>
        <translation>Videregivelse er ikke begrænset: modtagerne må dele den med alle.</translation>
    </message>
    <message>
        <source>Traffic Light Protocol: %1</source>
        <translation>Traffic Light Protocol: %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ingen</translation>
    </message>
</context>
<context>
    <name>warnings</name>
    <message>
        <source>Hospital</source>
        <translation>Hospital</translation>
    </message>
    <message>
        <source>GP clinic</source>
        <translation>Lægepraksis</translation>
    </message>
    <message>
        <source>Care home</source>
        <translation>Plejehjem</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>Region</translation>
    </message>
    <message>
        <source>Municipality</source>
        <translation>Kommune</translation>
    </message>
    <message>
        <source>hospitals</source>
        <translation>hospitaler</translation>
    </message>
    <message>
        <source>GP clinics</source>
        <translation>Lægepraksisser</translation>
    </message>
    <message>
        <source>care homes</source>
        <translation>plejehjem</translation>
    </message>
    <message>
        <source>regions</source>
        <translation>regioner</translation>
    </message>
    <message>
        <source>municipalities</source>
        <translation>kommuner</translation>
    </message>
    <message>
        <source>Capital Region</source>
        <translation>Region Hovedstaden</translation>
    </message>
    <message>
        <source>Region Zealand</source>
        <translation>Region Sjælland</translation>
    </message>
    <message>
        <source>Region of Southern Denmark</source>
        <translation>Region Syddanmark</translation>
    </message>
    <message>
        <source>Central Denmark Region</source>
        <translation>Region Midtjylland</translation>
    </message>
    <message>
        <source>North Denmark Region</source>
        <translation>Region Nordjylland</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Modtaget</translation>
    </message>
    <message>
        <source>Mitigated</source>
        <translation>Afhjulpet</translation>
    </message>
    <message>
        <source>Not affected</source>
        <translation>Ikke berørt</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 t</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 t %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>no recipients yet</source>
        <translation>ingen modtagere endnu</translation>
    </message>
    <message>
        <source>%1/%2 acknowledged</source>
        <translation>%1/%2 kvitteret</translation>
    </message>
    <message>
        <source>%1 of %2 acknowledged</source>
        <translation>%1 af %2 har kvitteret</translation>
    </message>
    <message>
        <source>%1 overdue</source>
        <translation>%1 over fristen</translation>
    </message>
    <message>
        <source>%1 waiting</source>
        <translation>%1 venter</translation>
    </message>
    <message>
        <source>No answer yet</source>
        <translation>Intet svar endnu</translation>
    </message>
    <message>
        <source>%1 did not answer</source>
        <translation>%1 svarede ikke</translation>
    </message>
    <message>
        <source>not sent yet</source>
        <translation>ikke sendt endnu</translation>
    </message>
</context>
</TS>
