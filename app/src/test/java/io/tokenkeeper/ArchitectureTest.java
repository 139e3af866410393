package io.tokenkeeper;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule Maven cannot enforce on its own: what each module's code may use. */
@AnalyzeClasses(packages = "io.tokenkeeper", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_is_plain_java = noClasses()
            .that()
            .resideInAPackage("io.tokenkeeper.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.springframework..", "org.jooq..", "com.vaadin..", "jakarta..", "javax.sql..", "java.sql..")
            .because("the token rules must not depend on a framework or a database");

    @ArchTest
    static final ArchRule the_domain_does_not_know_the_other_modules = noClasses()
            .that()
            .resideInAPackage("io.tokenkeeper.domain..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.tokenkeeper.persistence..", "io.tokenkeeper.ui..", "io.tokenkeeper.app..");

    @ArchTest
    static final ArchRule the_ui_never_touches_the_database = noClasses()
            .that()
            .resideInAPackage("io.tokenkeeper.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "org.jooq..", "io.tokenkeeper.persistence..", "java.sql..", "javax.sql..", "org.springframework..")
            .because("views talk to the domain's services only");

    @ArchTest
    static final ArchRule persistence_knows_neither_ui_nor_spring = noClasses()
            .that()
            .resideInAPackage("io.tokenkeeper.persistence..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.tokenkeeper.ui..", "io.tokenkeeper.app..", "com.vaadin..", "org.springframework..");
}
