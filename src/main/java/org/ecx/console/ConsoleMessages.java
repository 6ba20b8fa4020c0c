package org.ecx.console;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The console's texts in English ({@code {msg:key}} in the templates); French and German in
 * {@code messages/msg_fr.properties} and {@code messages/msg_de.properties}. Codes (statuses, roles, control
 * entries, ISO country codes) are shown as they are in the API.
 */
@MessageBundle(value = "msg", locale = "en")
public interface ConsoleMessages {

    // @formatter:off
    @Message("ECX officer console") String app_name();
    @Message("Skip to the content") String skip();
    @Message("Main navigation") String nav_label();
    @Message("Home") String nav_home();
    @Message("Screen an application") String nav_screening();
    @Message("Denials") String nav_denials();
    @Message("Consultations") String nav_consultations();
    @Message("Control lists") String nav_control_lists();
    @Message("Public statistics") String nav_statistics();
    @Message("Sign out") String sign_out();
    @Message("Sign in") String sign_in();
    @Message("Signed in as {actor}, state {state} ({roles})") String signed_in_as(String actor, String state, String roles);
    @Message("Language") String language();
    @Message("withheld") String withheld();
    @Message("Yes") String yes();
    @Message("No") String no();
    @Message("none") String none();

    @Message("Welcome") String home_title();
    @Message("The console offers exactly what the ECX API allows your roles; pages you may not use are not listed.") String home_intro();

    @Message("Screen a licence application") String screen_title();
    @Message("Enter the parties of the application, or upload them as CSV. ECX compares them with every denial your state may see.") String screen_intro();
    @Message("Party {n}") String party_n(int n);
    @Message("Name") String party_name();
    @Message("Country (ISO code)") String party_country();
    @Message("Role") String party_role();
    @Message("Control entries (separated by commas)") String control_entries();
    @Message("Destination country (ISO code)") String destination();
    @Message("Screen") String screen_button();
    @Message("Upload the parties as CSV") String csv_title();
    @Message("CSV file with the columns name, country and role (at most 50 rows)") String csv_file();
    @Message("Screen the CSV") String screen_csv_button();
    @Message("Results") String results();
    @Message("No denial matches these parties.") String no_matches();
    @Message("Score") String score();
    @Message("Denial") String denial();
    @Message("Notifying state") String notifying_state();
    @Message("Matched on") String matched_on();
    @Message("Essentially identical") String essentially_identical();
    @Message("Consultation required") String consultation_required();
    @Message("Control entries") String item_relation();
    @Message("Question to the notifying state") String question();
    @Message("Transaction described to the notifying state") String transaction();
    @Message("We are asked to license an essentially identical transaction. Do you object?") String default_question();
    @Message("Licence application screened in the ECX console") String default_transaction();
    @Message("Open the consultation") String open_consultation();

    @Message("Denials") String denials_title();
    @Message("Status") String status();
    @Message("Control entry") String control_entry();
    @Message("Party country (ISO code)") String party_country_filter();
    @Message("Updated since (date)") String updated_since();
    @Message("Any") String any();
    @Message("Filter") String filter();
    @Message("Next page") String next_page();
    @Message("No denial matches the filters.") String no_denials();
    @Message("National reference") String reference();
    @Message("Decision") String decision();
    @Message("Decision date") String decision_date();
    @Message("Review due") String review_due();
    @Message("Parties") String parties();
    @Message("Items") String items();
    @Message("Destination") String destination_country();
    @Message("End use") String end_use();
    @Message("Reasons") String reasons();
    @Message("Rationale") String rationale();
    @Message("Contact") String contact();
    @Message("Licence application") String licence_ref();
    @Message("Address") String address();
    @Message("Identifiers") String identifiers();
    @Message("Description") String description();
    @Message("Quantity") String quantity();
    @Message("Value") String value();
    @Message("History") String history();
    @Message("Version") String version();
    @Message("Change") String change();
    @Message("Changed at") String changed_at();
    @Message("Access receipts") String receipts();
    @Message("Reading state") String reading_state();
    @Message("Reads") String reads();
    @Message("First read") String first_read();
    @Message("Last read") String last_read();
    @Message("No other state has read this denial.") String no_receipts();

    @Message("Review completed") String renew_title();
    @Message("Renew: the denial stays valid for 3 more years") String renew();
    @Message("Revoke the denial") String revoke_title();
    @Message("Reason for the revocation") String revoke_reason();
    @Message("Revoke") String revoke();

    @Message("Notify a denial") String post_title();
    @Message("The denial is notified by your state; its sensitive fields stay with your state only until you release them (API).") String post_intro();
    @Message("Amend the denial") String amend_title();
    @Message("Saving creates a new version. Further parties and items, aliases, identifiers, values, regime references and releasability are kept as they are.") String amend_intro();
    @Message("Conflict") String amend_conflict_title();
    @Message("this denial was changed after you opened the form. Nothing was saved. Open the current version and make your change again.") String amend_conflict();
    @Message("Open the current version") String amend_reload();
    @Message("Reasons (criteria 1–8, WMD, MEND, DIVERSION; separated by commas)") String reasons_input();
    @Message("sensitive") String sensitive();
    @Message("Item 1") String item_1();
    @Message("Sensitive fields") String sensitive_fields();
    @Message("Distribution") String distribution();
    @Message("Distributed to") String distribution_scope();
    @Message("Regime (when distributed to a regime)") String distribution_regime();
    @Message("States (ISO codes, when distributed to states)") String distribution_states();
    @Message("Notify the denial") String post_button();
    @Message("Save the new version") String amend_button();

    @Message("Consultations") String consultations_title();
    @Message("Open consultations of your state, both directions, the nearest deadline first.") String consultations_intro();
    @Message("No consultation.") String no_consultations();
    @Message("Direction") String direction();
    @Message("We consult") String direction_out();
    @Message("We are consulted") String direction_in();
    @Message("Reply due") String reply_due();
    @Message("overdue") String overdue();
    @Message("deemed: no objection") String deemed();
    @Message("State") String state();
    @Message("Consulting state") String consulting_state();
    @Message("Consulted state") String consulted_state();
    @Message("Opened") String opened_at();
    @Message("Position") String position();
    @Message("Comment") String comment();
    @Message("Send the reply") String reply();
    @Message("Extend the deadline by") String extend_by();
    @Message("working days") String working_days();
    @Message("Extend") String extend();
    @Message("Decision on the licence") String outcome();
    @Message("Record the decision") String record_outcome();
    @Message("Details") String details();

    @Message("Control lists") String lists_title();
    @Message("Edition in force") String edition_in_force();
    @Message("Editions") String editions();
    @Message("Edition") String edition();
    @Message("Effective date") String effective_date();
    @Message("Entries") String entries();
    @Message("Publish") String publish();
    @Message("Import an edition from CSV") String import_title();
    @Message("Control list") String list();
    @Message("Edition name") String edition_name();
    @Message("Effective date (YYYY-MM-DD)") String effective_date_input();
    @Message("Edition file (CSV)") String edition_file();
    @Message("Import") String import_button();
    @Message("Edition {edition} was imported as a draft.") String imported(String edition);
    @Message("The edition was rejected and nothing was stored. Each problem:") String import_rejected();
    @Message("Field") String field();
    @Message("Problem") String problem();

    @Message("Search the entries' titles and texts") String search_entries();
    @Message("Search") String search();
    @Message("Position in the hierarchy") String hierarchy();
    @Message("Whole edition") String whole_edition();
    @Message("Categories") String categories();
    @Message("No entry here.") String no_entries();
    @Message("Compare two editions") String diff_title();
    @Message("Older edition") String diff_from();
    @Message("Newer edition") String diff_to();
    @Message("Compare") String diff_button();
    @Message("removed") String diff_removed();
    @Message("added") String diff_added();
    @Message("changed") String diff_changed();
    @Message("renumbered") String diff_renumbered();
    @Message("Importing: share of the file read") String import_running();
    @Message("This page refreshes itself every second until the import has ended.") String import_running_hint();
    @Message("{added} added, {removed} removed, {changed} changed, {renumbered} renumbered.") String diff_summary(int added, int removed, int changed, int renumbered);

    @Message("Public statistics") String stats_title();
    @Message("Denials notified through ECX, as of {asOf}. Cells under 5 are suppressed, and so are cells from which one could be derived.") String stats_intro(String asOf);
    @Message("By year of decision") String stats_by_year();
    @Message("By regime") String stats_by_regime();
    @Message("By control-code category") String stats_by_category();
    @Message("By reason") String stats_by_reason();
    @Message("fewer than 5 (suppressed)") String suppressed();
    @Message("Count") String count();

    @Message("Recognitions") String recognitions_title();
    @Message("Is it recognized?") String check_title();
    @Message("Recognizing state") String recognizing_state();
    @Message("Recognized state") String recognized_state();
    @Message("Licence type") String licence_type();
    @Message("Check") String check();
    @Message("Recognized today; basis: {count} recognition(s).") String recognized(int count);
    @Message("Not recognized today.") String not_recognized();
    @Message("Instrument") String instrument();
    @Message("No recognition is visible to your state.") String no_recognitions();

    @Message("Audit trail") String audit_title();
    @Message("Events in which your state acted or whose record it owns, oldest first.") String audit_intro();
    @Message("Verify the chain") String verify_chain();
    @Message("The audit chain is intact: {checked} events checked.") String chain_valid(long checked);
    @Message("The audit chain is BROKEN at event {seq} ({checked} events checked).") String chain_broken(Long seq, long checked);
    @Message("When") String when();
    @Message("Actor") String actor();
    @Message("Action") String action();
    @Message("Record") String record();

    @Message("This did not work") String error_title();
    @Message("You are signed out") String signed_out_title();
    @Message("Sign in again") String sign_in_again();
    @Message("Back to the console") String back();
    // @formatter:on
}
