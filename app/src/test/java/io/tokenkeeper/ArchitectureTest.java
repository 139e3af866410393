package io.tokenkeeper;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLayout;
import io.tokenkeeper.ui.base.RouteAccess;

/**
 * The rules Maven cannot enforce. Which module may use which library or module is settled by the POMs (a forbidden
 * import does not compile), so it is not repeated here; what remains is what the JDK always offers, the package
 * structure inside each module, and how navigation is built.
 */
@AnalyzeClasses(packages = "io.tokenkeeper", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule only_persistence_uses_jdbc = noClasses()
            .that()
            .resideInAnyPackage("io.tokenkeeper.domain..", "io.tokenkeeper.ui..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.sql..", "javax.sql..")
            .because("the rules and the views reach the database through the domain's ports only");

    @ArchTest
    static final ArchRule the_domain_s_packages_are_free_of_cycles =
            slices().matching("io.tokenkeeper.domain.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_persistence_packages_are_free_of_cycles =
            slices().matching("io.tokenkeeper.persistence.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_ui_packages_are_free_of_cycles =
            slices().matching("io.tokenkeeper.ui.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_app_packages_are_free_of_cycles =
            slices().matching("io.tokenkeeper.app.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule layouts_never_name_a_view = noClasses()
            .that()
            .areAssignableTo(RouterLayout.class)
            .should()
            .dependOnClassesThat()
            .areAnnotatedWith(Route.class)
            .because("menus and tabs come from the views' @Menu entries");

    @ArchTest
    static final ArchRule route_access_alone_turns_a_visitor_away = noClasses()
            .that()
            .resideInAPackage("io.tokenkeeper.ui..")
            .and()
            .doNotBelongToAnyOf(RouteAccess.class)
            .should()
            .callMethodWhere(target(name("rerouteToError")))
            .because("a page's @RolesAllowed is checked against the privileges stored now in one place");
}
