package org.ecx;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import jakarta.persistence.Entity;
import jakarta.ws.rs.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of docs/architecture.md, checked on the compiled main classes: feature packages form no
 * cycle, resources stay thin and never reach into another feature's entities, entities never appear on the
 * wire, and the lower layers (common, sequencer, audit) know nothing of the features above them.
 */
class ArchitectureTest {

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("/bench/"))
                .importPackages("org.ecx");
    }

    @Test
    void featurePackagesDependOnEachOtherWithoutCycles() {
        slices().matching("org.ecx.(*)..").namingSlices("$1").should().beFreeOfCycles().check(main);
    }

    @Test
    void resourcesDoNotTouchTheEntitiesOfAnotherPackage() {
        ArchRule rule = classes().that().areAnnotatedWith(Path.class)
                .should(new ArchCondition<JavaClass>("not depend on entities of another package") {
                    @Override
                    public void check(JavaClass resource, ConditionEvents events) {
                        for (Dependency d : resource.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            if (target.isAnnotatedWith(Entity.class)
                                    && !target.getPackageName().equals(resource.getPackageName())) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                });
        rule.check(main);
    }

    @Test
    void entitiesNeverAppearOnTheWire() {
        // the wire: what resources take and return, every type documented in the contract (@Schema), and
        // everything reachable from those through fields
        Deque<JavaClass> todo = new ArrayDeque<>();
        Map<JavaClass, String> reachedFrom = new HashMap<>();
        for (JavaClass c : main) {
            if (c.isAnnotatedWith(Schema.class)) {
                reach(c, c.getName(), todo, reachedFrom);
            }
            if (c.isAnnotatedWith(Path.class)) {
                for (JavaMethod m : c.getMethods()) {
                    if (m.getModifiers().contains(JavaModifier.PUBLIC)) {
                        m.getReturnType().getAllInvolvedRawTypes().forEach(t -> reach(t, m.getFullName(), todo, reachedFrom));
                        for (JavaParameter p : m.getParameters()) {
                            p.getType().getAllInvolvedRawTypes().forEach(t -> reach(t, m.getFullName(), todo, reachedFrom));
                        }
                    }
                }
            }
        }
        while (!todo.isEmpty()) {
            JavaClass c = todo.pop();
            for (JavaField f : c.getFields()) {
                if (!f.getModifiers().contains(JavaModifier.STATIC)) {
                    f.getType().getAllInvolvedRawTypes().forEach(t -> reach(t, f.getFullName(), todo, reachedFrom));
                }
            }
        }
        List<String> onTheWire = reachedFrom.entrySet().stream().filter(e -> e.getKey().isAnnotatedWith(Entity.class))
                .map(e -> e.getKey().getName() + " via " + e.getValue()).sorted().toList();
        assertThat(onTheWire).as("entities reachable from the wire").isEmpty();
    }

    private static void reach(JavaClass c, String from, Deque<JavaClass> todo, Map<JavaClass, String> reachedFrom) {
        if (c.getPackageName().startsWith("org.ecx") && reachedFrom.putIfAbsent(c, from) == null) {
            todo.push(c);
        }
    }

    @Test
    void commonAndTheSequencerKnowNoFeature() {
        noClasses().that().resideInAnyPackage("org.ecx.common..", "org.ecx.sequencer..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.ecx..")
                        .and(JavaClass.Predicates.resideOutsideOfPackages("org.ecx.common..", "org.ecx.sequencer..")))
                .check(main);
    }

    @Test
    void theAuditLogTakesAPlainActorNotTheCallerOfTheAccessPackage() {
        // only the audit resource may see the caller: it is authorized by access, as every resource
        noClasses().that().resideInAPackage("org.ecx.audit..")
                .and().areNotAnnotatedWith(Path.class)
                .should().dependOnClassesThat().resideInAPackage("org.ecx.access..")
                .check(main);
    }

    @Test
    void theFeedKnowsNoRecordTypeItCarries() {
        noClasses().that().resideInAPackage("org.ecx.feed..")
                .should().dependOnClassesThat().resideInAnyPackage("org.ecx.denial..", "org.ecx.recognition..",
                        "org.ecx.consultation..", "org.ecx.controllist..", "org.ecx.screening..")
                .check(main);
    }
}
