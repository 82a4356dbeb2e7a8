package dev.stagehand.command.account;

import dev.stagehand.api.account.AccountId;
import dev.stagehand.api.account.AccountRegistered;
import dev.stagehand.api.account.AccountRenamed;
import dev.stagehand.api.account.GrantOperatorRole;
import dev.stagehand.api.account.OperatorRoleGranted;
import dev.stagehand.api.account.RegisterAccount;
import dev.stagehand.api.account.RenameAccount;
import dev.stagehand.api.common.RuleViolation;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AccountTest {

    private static final AccountId ID = new AccountId("acc-1");

    private AggregateTestFixture<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    @Test
    void registersAnAccountWithATrimmedName() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(ID, "  Ada  "))
               .expectEvents(new AccountRegistered(ID, "Ada"));
    }

    @Test
    void cannotRegisterWithABlankName() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(ID, "   "))
               .expectException(RuleViolation.class)
               .expectExceptionMessage("A display name cannot be empty");
    }

    @Test
    void cannotRegisterWithANameLongerThanTheLimit() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(ID, "x".repeat(65)))
               .expectException(RuleViolation.class)
               .expectNoEvents();
    }

    @Test
    void countsNameLengthInCharactersNotJavaChars() {
        String sixtyFourEmoji = "😀".repeat(64);
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(ID, sixtyFourEmoji))
               .expectEvents(new AccountRegistered(ID, sixtyFourEmoji));
    }

    @Test
    void cannotUseControlCharactersInAName() {
        fixture.givenNoPriorActivity()
               .when(new RegisterAccount(ID, "Ada\u0000"))
               .expectException(RuleViolation.class);
    }

    @Test
    void renamesAnAccount() {
        fixture.given(new AccountRegistered(ID, "Ada"))
               .when(new RenameAccount(ID, "Grace"))
               .expectEvents(new AccountRenamed(ID, "Grace"));
    }

    @Test
    void renamingToTheSameNameChangesNothing() {
        fixture.given(new AccountRegistered(ID, "Ada"))
               .when(new RenameAccount(ID, " Ada "))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }

    @Test
    void cannotRenameToABlankName() {
        fixture.given(new AccountRegistered(ID, "Ada"))
               .when(new RenameAccount(ID, ""))
               .expectException(RuleViolation.class);
    }

    @Test
    void grantsTheOperatorRole() {
        fixture.given(new AccountRegistered(ID, "Ada"))
               .when(new GrantOperatorRole(ID))
               .expectEvents(new OperatorRoleGranted(ID));
    }

    @Test
    void grantingTheOperatorRoleTwiceRecordsItOnce() {
        fixture.given(new AccountRegistered(ID, "Ada"), new OperatorRoleGranted(ID))
               .when(new GrantOperatorRole(ID))
               .expectSuccessfulHandlerExecution()
               .expectNoEvents();
    }
}
