package dev.stagehand.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RestController;

/**
 * The architecture of docs/ARCHITECTURE.md, as rules over the main classes of every module: dependencies point one
 * way, the platform knows no feature, the simulator is reached only through the demo wiring, controllers leave
 * adapters to their feature's services and reach PostgreSQL and Kafka only through the command and query gateways.
 */
class ArchitectureTest {

    private static final String API = "dev.stagehand.api..";
    private static final String SECRETS = "dev.stagehand.secrets..";
    private static final String PLATFORM = "dev.stagehand.platform..";
    private static final String COMMAND = "dev.stagehand.command..";
    private static final String QUERY = "dev.stagehand.query..";
    private static final String SAGAS = "dev.stagehand.sagas..";
    private static final String LIVE = "dev.stagehand.live..";
    private static final String GATEWAY = "dev.stagehand.gateway..";
    private static final String SIMULATOR = "dev.stagehand.twitchsim..";

    private static JavaClasses stagehand;

    @BeforeAll
    static void importMainClasses() {
        stagehand = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.stagehand");
    }

    private static void check(ArchRule rule) {
        rule.check(stagehand);
    }

    @Test
    void theApiDependsOnNothingOfStagehandsButItself() {
        check(noClasses().that().resideInAPackage(API).should().dependOnClassesThat()
                .resideInAnyPackage(SECRETS, PLATFORM, COMMAND, QUERY, SAGAS, LIVE, GATEWAY, SIMULATOR));
    }

    @Test
    void theSecretStoreKnowsOnlyTheApi() {
        check(noClasses().that().resideInAPackage(SECRETS).should().dependOnClassesThat()
                .resideInAnyPackage(PLATFORM, COMMAND, QUERY, SAGAS, LIVE, GATEWAY, SIMULATOR));
    }

    @Test
    void thePlatformKnowsNoFeature() {
        check(noClasses().that().resideInAPackage(PLATFORM).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, QUERY, SAGAS, LIVE, GATEWAY, SIMULATOR));
    }

    @Test
    void aggregatesKnowOnlyTheApi() {
        check(noClasses().that().resideInAPackage(COMMAND).should().dependOnClassesThat()
                .resideInAnyPackage(SECRETS, PLATFORM, QUERY, SAGAS, LIVE, GATEWAY, SIMULATOR));
    }

    @Test
    void theQuerySideAndTheSagasDoNotKnowEachOther() {
        check(noClasses().that().resideInAPackage(QUERY).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, SAGAS, LIVE, GATEWAY, SIMULATOR));
        check(noClasses().that().resideInAPackage(SAGAS).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, QUERY, LIVE, GATEWAY, SIMULATOR));
    }

    /**
     * The live chat path reads and writes Kafka, asks the query side through the query gateway and takes pseudonyms
     * from the secret store, nothing more.
     */
    @Test
    void theLiveChatPathKnowsOnlyTheApiThePlatformAndTheSecretStore() {
        check(noClasses().that().resideInAPackage(LIVE).should().dependOnClassesThat()
                .resideInAnyPackage(COMMAND, QUERY, SAGAS, GATEWAY, SIMULATOR));
    }

    @Test
    void theSimulatorStandsAloneAndOnlyTheDemoWiringStartsIt() {
        check(noClasses().that().resideInAPackage(SIMULATOR).should().dependOnClassesThat()
                .resideInAnyPackage(API, SECRETS, PLATFORM, COMMAND, QUERY, SAGAS, LIVE, GATEWAY));
        check(noClasses().that().resideOutsideOfPackages(SIMULATOR, "dev.stagehand.gateway.twitch..")
                .should().dependOnClassesThat().resideInAPackage(SIMULATOR));
    }

    /**
     * A feature's controller maps HTTP onto commands, queries and its feature's services; what drives Twitch, Discord
     * or the secret store is one of those services. Operations controllers (admin, platform) report on the parts
     * themselves.
     */
    @Test
    void featureControllersLeaveAdaptersToTheirServices() {
        check(noClasses().that().areAnnotatedWith(RestController.class)
                .and().resideOutsideOfPackages("dev.stagehand.gateway.admin..", "dev.stagehand.gateway.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(SAGAS, SECRETS));
    }

    @Test
    void controllersReachTheDatabaseAndKafkaOnlyThroughTheGateways() {
        check(noClasses().that().areAnnotatedWith(RestController.class).should().dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "javax.sql..", "org.springframework.kafka..",
                        "org.apache.kafka..", "reactor.kafka.."));
    }
}
