# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'shortcuts_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QHeaderView, QLabel, QSizePolicy,
    QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

class Ui_ShortcutsDialog(object):
    def setupUi(self, ShortcutsDialog):
        if not ShortcutsDialog.objectName():
            ShortcutsDialog.setObjectName(u"ShortcutsDialog")
        ShortcutsDialog.resize(560, 520)
        self.main_layout = QVBoxLayout(ShortcutsDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(ShortcutsDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.keys_table = QTableWidget(ShortcutsDialog)
        if (self.keys_table.columnCount() < 3):
            self.keys_table.setColumnCount(3)
        __qtablewidgetitem = QTableWidgetItem()
        self.keys_table.setHorizontalHeaderItem(0, __qtablewidgetitem)
        __qtablewidgetitem1 = QTableWidgetItem()
        self.keys_table.setHorizontalHeaderItem(1, __qtablewidgetitem1)
        __qtablewidgetitem2 = QTableWidgetItem()
        self.keys_table.setHorizontalHeaderItem(2, __qtablewidgetitem2)
        self.keys_table.setObjectName(u"keys_table")
        self.keys_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.keys_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.keys_table.setColumnCount(3)
        self.keys_table.horizontalHeader().setStretchLastSection(True)
        self.keys_table.verticalHeader().setVisible(False)

        self.main_layout.addWidget(self.keys_table)

        self.button_box = QDialogButtonBox(ShortcutsDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(ShortcutsDialog)

        QMetaObject.connectSlotsByName(ShortcutsDialog)
    # setupUi

    def retranslateUi(self, ShortcutsDialog):
        ShortcutsDialog.setWindowTitle(QCoreApplication.translate("ShortcutsDialog", u"Keyboard shortcuts \u2014 Taftan Desk", None))
        self.intro_label.setText(QCoreApplication.translate("ShortcutsDialog", u"Every key the desk takes. A barcode scanner types like a keyboard: a scan is recognised by its speed and works anywhere in the window.", None))
        ___qtablewidgetitem = self.keys_table.horizontalHeaderItem(0)
        ___qtablewidgetitem.setText(QCoreApplication.translate("ShortcutsDialog", u"Key", None))
        ___qtablewidgetitem1 = self.keys_table.horizontalHeaderItem(1)
        ___qtablewidgetitem1.setText(QCoreApplication.translate("ShortcutsDialog", u"Where", None))
        ___qtablewidgetitem2 = self.keys_table.horizontalHeaderItem(2)
        ___qtablewidgetitem2.setText(QCoreApplication.translate("ShortcutsDialog", u"What it does", None))
#if QT_CONFIG(accessibility)
        self.keys_table.setAccessibleName(QCoreApplication.translate("ShortcutsDialog", u"Keys and what they do", None))
#endif // QT_CONFIG(accessibility)
    # retranslateUi

